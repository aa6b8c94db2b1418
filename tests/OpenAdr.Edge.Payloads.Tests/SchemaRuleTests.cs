using System;
using System.Text;
using OpenAdr.Edge.Xml;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>Schema rules the differential tests found the reader missing, each pinned down with the error it now gives.</summary>
public class SchemaRuleTests
{
    private const string Declarations = "xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\" xmlns:ei=\"http://docs.oasis-open.org/ns/energyinterop/201110\" xmlns:pyld=\"http://docs.oasis-open.org/ns/energyinterop/201110/payloads\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private static byte[] Payload(string message, string signedObjectId = "oadrSignedObject", string signature = "") => Encoding.UTF8.GetBytes(
        $"<oadr:oadrPayload {Declarations}>{signature}<oadr:oadrSignedObject oadr:Id=\"{signedObjectId}\">{message}</oadr:oadrSignedObject></oadr:oadrPayload>");

    private static string Response(string code, string venId = "<ei:venID>v</ei:venID>") =>
        $"<oadr:oadrResponse><ei:eiResponse><ei:responseCode>{code}</ei:responseCode><pyld:requestID/></ei:eiResponse>{venId}</oadr:oadrResponse>";

    [Theory]
    [InlineData("<oadr:oadrPoll>stray<ei:venID>v</ei:venID></oadr:oadrPoll>")]
    [InlineData("<oadr:oadrPoll><ei:venID>v</ei:venID>stray</oadr:oadrPoll>")]
    [InlineData("<oadr:oadrResponse><ei:eiResponse><ei:responseCode>200</ei:responseCode>stray<pyld:requestID/></ei:eiResponse></oadr:oadrResponse>")]
    [InlineData("<oadr:oadrPoll><ei:venID>v</ei:venID><![CDATA[stray]]></oadr:oadrPoll>")]
    public void Text_between_elements_is_refused_as_unexpected_text(string message)
    {
        var e = Assert.Throws<XmlReadException>(() => OadrPayload.Read(Payload(message)));
        Assert.Equal(XmlError.UnexpectedText, e.Error);
        Assert.False(OadrSchema.IsValid(Payload(message)));
    }

    [Theory]
    [InlineData("<ds:Signature><a/>text after an empty element</ds:Signature>")]
    [InlineData("<ds:Signature><a>x</a>text<b/>more<![CDATA[c]]><!--d--></ds:Signature>")]
    public void Signature_holding_text_after_child_elements_is_kept_whole(string signature)
    {
        var payload = OadrPayload.Read(Payload("<oadr:oadrPoll><ei:venID>v</ei:venID></oadr:oadrPoll>", signature: signature));

        Assert.Equal(signature, Encoding.UTF8.GetString(payload.Signature!));
        Assert.Equal("v", ((OadrPoll)payload.OadrSignedObject.Message).VenId);
    }

    [Theory]
    [InlineData("<ei:venID unknown=\"1\">v</ei:venID>")]
    [InlineData("<ei:venID ei:schemaVersion=\"2.0b\">v</ei:venID>")]
    public void Attribute_on_an_element_with_a_simple_value_is_refused(string venId)
    {
        var e = Assert.Throws<XmlReadException>(() => OadrPayload.Read(Payload($"<oadr:oadrPoll>{venId}</oadr:oadrPoll>")));
        Assert.Equal(XmlError.UnexpectedAttribute, e.Error);
    }

    [Fact]
    public void Attribute_on_the_inner_element_of_a_wrapped_value_is_refused()
    {
        var created = "<oadr:oadrCreatedPartyRegistration><ei:eiResponse><ei:responseCode>200</ei:responseCode><pyld:requestID/></ei:eiResponse><ei:vtnID>t</ei:vtnID>"
            + "<oadr:oadrProfiles><oadr:oadrProfile><oadr:oadrProfileName>2.0b</oadr:oadrProfileName><oadr:oadrTransports><oadr:oadrTransport><oadr:oadrTransportName>simpleHttp</oadr:oadrTransportName></oadr:oadrTransport></oadr:oadrTransports></oadr:oadrProfile></oadr:oadrProfiles>"
            + "<oadr:oadrRequestedOadrPollFreq><xcal:duration xmlns:xcal=\"urn:ietf:params:xml:ns:icalendar-2.0\" {0}>PT10S</xcal:duration></oadr:oadrRequestedOadrPollFreq></oadr:oadrCreatedPartyRegistration>";

        Assert.Equal(TimeSpan.FromSeconds(10), ((OadrCreatedPartyRegistration)OadrPayload.Read(Payload(string.Format(System.Globalization.CultureInfo.InvariantCulture, created, "")))
            .OadrSignedObject.Message).OadrRequestedOadrPollFreq);
        var e = Assert.Throws<XmlReadException>(() => OadrPayload.Read(Payload(string.Format(System.Globalization.CultureInfo.InvariantCulture, created, "a=\"1\""))));
        Assert.Equal(XmlError.UnexpectedAttribute, e.Error);
    }

    [Fact]
    public void Schema_instance_attribute_on_an_element_with_a_simple_value_is_accepted()
    {
        var payload = OadrPayload.Read(Payload("<oadr:oadrPoll><ei:venID xsi:type=\"xs:string\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">v</ei:venID></oadr:oadrPoll>"));
        Assert.Equal("v", ((OadrPoll)payload.OadrSignedObject.Message).VenId);
    }

    [Theory]
    [InlineData("200", true)]
    [InlineData("099", true)]
    [InlineData("20", false)]
    [InlineData("2000", false)]
    [InlineData(" 200", false)]
    [InlineData("OK", false)]
    [InlineData("20x", false)]
    [InlineData("", false)]
    [InlineData("\uff12\uff10\uff10", false)]
    public void Response_code_is_three_ascii_digits(string code, bool valid)
    {
        var xml = Payload(Response(code));

        Assert.Equal(valid, OadrSchema.IsValid(xml));
        if (valid)
        {
            Assert.Equal(code, ((OadrResponse)OadrPayload.Read(xml).OadrSignedObject.Message).EiResponse.ResponseCode);
        }
        else
        {
            Assert.Equal(XmlError.InvalidValue, Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml)).Error);
        }
    }

    [Theory]
    [InlineData("oadrSignedObject", true)]
    [InlineData("_x.1-\u00e9", true)]
    [InlineData(" padded ", true)]
    [InlineData("1abc", false)]
    [InlineData("a b", false)]
    [InlineData("oadr:Id", false)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    public void Signed_object_id_is_an_NCName(string id, bool valid)
    {
        var xml = Payload("<oadr:oadrPoll><ei:venID>v</ei:venID></oadr:oadrPoll>", id);

        Assert.Equal(valid, OadrSchema.IsValid(xml));
        if (valid)
        {
            Assert.Equal(id, OadrPayload.Read(xml).OadrSignedObject.Id);
        }
        else
        {
            Assert.Equal(XmlError.InvalidValue, Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml)).Error);
        }
    }

    [Theory]
    [InlineData("area", "polygon", "oadrSignedObject", true)]
    [InlineData("area", "area", "oadrSignedObject", false)]
    [InlineData("oadrSignedObject", "polygon", "oadrSignedObject", false)]
    [InlineData("area", "polygon", " area ", false)]
    public void Ids_are_unique_in_a_document(string areaId, string polygonId, string signedObjectId, bool valid)
    {
        var optOut = Samples.CreateOpt();
        var opt = (OadrCreateOpt)optOut.OadrSignedObject.Message;
        opt.EiTarget = new EiTarget
        {
            ServiceAreas = [new ServiceArea { FeatureCollection = new GmlFeatureCollection { Id = areaId, Location = new GmlLocation { Polygon = new GmlPolygon { Id = polygonId, Exterior = new GmlExterior { PosList = "1 2 3 4 1 2" } } } } }],
        };
        optOut.OadrSignedObject.Id = signedObjectId;
        var xml = Documents.Write(optOut);

        Assert.Equal(valid, OadrSchema.IsValid(xml));
        if (valid)
        {
            ModelAssert.DeepEqual(optOut, OadrPayload.Read(xml));
        }
        else
        {
            Assert.Equal(XmlError.InvalidValue, Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml)).Error);
        }
    }

    [Theory]
    [InlineData("37.77 -122.42 37.80 -122.42", true)]
    [InlineData(" 1e3\t-INF\nNaN 0.5 ", true)]
    [InlineData("", true)]
    [InlineData("37.77,-122.42", false)]
    [InlineData("north", false)]
    [InlineData("1 2 x", false)]
    public void Position_list_holds_doubles(string posList, bool valid)
    {
        var payload = Samples.CreateOpt();
        ((OadrCreateOpt)payload.OadrSignedObject.Message).EiTarget = new EiTarget
        {
            ServiceLocations = [new ServiceLocation { FeatureCollection = new GmlFeatureCollection { Location = new GmlLocation { Polygon = new GmlPolygon { Exterior = new GmlExterior { PosList = posList } } } } }],
        };
        var xml = Documents.Write(payload);

        Assert.Equal(valid, OadrSchema.IsValid(xml));
        if (valid)
        {
            ModelAssert.DeepEqual(payload, OadrPayload.Read(xml));
        }
        else
        {
            Assert.Equal(XmlError.InvalidValue, Assert.Throws<XmlReadException>(() => OadrPayload.Read(xml)).Error);
        }
    }
}
