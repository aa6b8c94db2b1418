using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Payloads.Tests;

public class InteropTests
{
    public static TheoryData<string> Files => new(Interop.Files());

    [Theory]
    [MemberData(nameof(Files))]
    public void OpenLeadr_message_reads_as_its_message_type_with_the_request_ids_of_the_index(string file)
    {
        var xml = Interop.Bytes(file);
        OadrSchema.AssertValid(xml);

        var payload = Documents.Read(xml);

        Assert.Equal(Interop.MessageType(file), Documents.MessageName(payload));
        Assert.Equal("oadrSignedObject", payload.OadrSignedObject.Id);
        Assert.Equal("2.0b", payload.OadrSignedObject.Message.SchemaVersion);
        Assert.Equal(Interop.IsSigned(file), payload.Signature is not null);
        if (Interop.IndexEntry(file) is { } row)
        {
            Assert.Equal(row.MessageType, Interop.MessageType(file));
            var requestIds = ModelAssert.Collect(payload, "RequestId").Cast<string>().ToArray();
            if (row.RequestIds.Length == 0)
            {
                Assert.All(requestIds, id => Assert.Equal("", id));
            }
            else
            {
                Assert.Equal(row.RequestIds.Split(','), requestIds);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void OpenLeadr_message_rewritten_by_us_is_schema_valid_and_reads_back_equal(string file)
    {
        var payload = Documents.Read(Interop.Bytes(file));

        var rewritten = Documents.Write(payload);

        OadrSchema.AssertValid(rewritten);
        ModelAssert.DeepEqual(payload, Documents.Read(rewritten));
    }

    [Theory]
    [InlineData("")]
    [InlineData("variant-modify")]
    [InlineData("variant-stock-client")]
    [InlineData("signed-examples")]
    public void Every_message_of_a_session_names_the_ven_the_vtn_registered(string folder)
    {
        SharedFiles.Get(Interop.Folder + "/" + folder);
        var files = Interop.Files().Where(f => (Path.GetDirectoryName(f) ?? "") == folder).ToArray();
        var registered = folder == "signed-examples"
            ? "ven-signed-1"
            : ((OadrCreatedPartyRegistration)Read(Path.Combine(folder, "002_2_VTN-to-VEN_EiRegisterParty_oadrCreatedPartyRegistration.xml").TrimStart('/')).OadrSignedObject.Message).VenId;
        Assert.StartsWith("ven-", registered);

        var named = 0;
        foreach (var file in files)
        {
            foreach (var venId in ModelAssert.Collect(Read(file), "VenId").Concat(ModelAssert.Collect(Read(file), "VenIds")).Cast<string>())
            {
                if (venId.Length > 0)
                {
                    Assert.True(registered == venId, $"{file} names {venId}, not {registered}");
                    named++;
                }
            }
        }

        Assert.True(named >= (folder == "signed-examples" ? 2 : 15), $"only {named} venIDs in {folder}");
    }

    [Theory]
    [InlineData("012_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml", 0, EventStatus.Far)]
    [InlineData("015_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml", 1, EventStatus.Cancelled)]
    [InlineData("variant-modify/015_2_VTN-to-VEN_OadrPoll_oadrDistributeEvent.xml", 1, EventStatus.Far)]
    public void Distributed_event_keeps_its_descriptor_period_signal_intervals_and_target(string file, int modificationNumber, EventStatus status)
    {
        var distribute = (OadrDistributeEvent)Read(file).OadrSignedObject.Message;

        Assert.Equal("None", distribute.EiResponse!.RequestId);
        Assert.Equal("200", distribute.EiResponse.ResponseCode);
        Assert.Equal("OK", distribute.EiResponse.ResponseDescription);
        Assert.Equal("openleadr-reference-vtn", distribute.VtnId);
        var oadrEvent = Assert.Single(distribute.OadrEvents);
        Assert.Equal(ResponseRequired.Always, oadrEvent.OadrResponseRequired);
        var descriptor = oadrEvent.EiEvent.EventDescriptor;
        Assert.Equal((uint)modificationNumber, descriptor.ModificationNumber);
        Assert.Equal(status, descriptor.EventStatus);
        Assert.Equal(0u, descriptor.Priority);
        Assert.Equal("http://marketcontext01", descriptor.EiMarketContext);
        Assert.Equal("false", descriptor.TestEvent);
        Assert.Null(descriptor.VtnComment);
        Assert.Equal(DateTimeKind.Utc, descriptor.CreatedDateTime.Kind);
        var period = oadrEvent.EiEvent.EiActivePeriod.Properties;
        Assert.Equal(TimeSpan.FromMinutes(10), period.Duration);
        Assert.Null(period.Tolerance);
        var signal = Assert.Single(oadrEvent.EiEvent.EiEventSignals.Signals);
        Assert.Equal("simple", signal.SignalName);
        Assert.Equal(SignalType.Level, signal.SignalType);
        Assert.Null(signal.ItemBase);
        Assert.Equal(2, signal.Intervals.Items.Count);
        Assert.All(signal.Intervals.Items, interval => Assert.Equal(TimeSpan.FromMinutes(5), interval.Duration));
        Assert.Equal(["0", "1"], signal.Intervals.Items.Select(i => i.Uid));
        Assert.Equal(period.DtStart, signal.Intervals.Items[0].DtStart);
        Assert.Equal(period.DtStart.AddMinutes(5), signal.Intervals.Items[1].DtStart);
        var venIds = oadrEvent.EiEvent.EiTarget.VenIds ?? [];
        Assert.StartsWith("ven-", Assert.Single(venIds));
        if (file.StartsWith("variant-modify/", StringComparison.Ordinal))
        {
            Assert.Equal([3f, 3f], signal.Intervals.Items.Select(PayloadValue));
            return;
        }

        Assert.Equal("cd654eab-cd9b-4c3d-8ab4-6756bed6f19c", descriptor.EventId);
        Assert.Equal(new DateTime(2026, 11, 26, 3, 49, 20, DateTimeKind.Utc).AddTicks(6420480), descriptor.ModificationDateTime);
        Assert.Equal(new DateTime(2026, 11, 26, 3, 49, 50, DateTimeKind.Utc), period.DtStart);
        Assert.Equal("c0e52211-f364-4023-9c6d-116a7ed3f67d", signal.SignalId);
        Assert.Equal([1f, 2f], signal.Intervals.Items.Select(PayloadValue));
        Assert.Equal("ven-9eea0291-6afe-4077-8734-898453870cb7", venIds[0]);
    }

    [Fact]
    public void Registered_report_metadata_keeps_its_descriptions()
    {
        var register = (OadrRegisterReport)Read("003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml").OadrSignedObject.Message;

        Assert.Equal("00f23f13-1a63-4f29-8bdd-beaa9d8c9282", register.RequestId);
        Assert.Equal("ven-9eea0291-6afe-4077-8734-898453870cb7", register.VenId);
        Assert.Null(register.ReportRequestId);
        var report = Assert.Single(register.OadrReports);
        Assert.Equal("METADATA_TELEMETRY_USAGE", report.ReportName);
        Assert.Equal("0", report.ReportRequestId);
        Assert.Equal("probe-telemetry-usage", report.ReportSpecifierId);
        Assert.Equal(TimeSpan.FromHours(1), report.Duration);
        Assert.Null(report.DtStart);
        Assert.Null(report.Intervals);
        Assert.Equal(new DateTime(2026, 11, 26, 3, 49, 16, DateTimeKind.Utc).AddTicks(6429000), report.CreatedDateTime);
        Assert.Equal(["probe-power-real", "probe-voltage"], report.OadrReportDescriptions.Select(d => d.RId));
        Assert.All(report.OadrReportDescriptions, d =>
        {
            Assert.Equal("reading", d.ReportType);
            Assert.Equal("Direct Read", d.ReadingType);
            Assert.Equal(["probe-device-1"], d.ReportDataSource!.ResourceIds);
            Assert.Null(d.ReportSubject);
            Assert.Equal(TimeSpan.FromSeconds(2), d.OadrSamplingRate!.OadrMinPeriod);
            Assert.Equal(TimeSpan.FromHours(1), d.OadrSamplingRate.OadrMaxPeriod);
            Assert.False(d.OadrSamplingRate.OadrOnChange);
        });
        var power = Assert.IsType<PowerReal>(report.OadrReportDescriptions[0].ItemBase);
        Assert.Equal(PowerRealUnits.Watt, power.ItemUnits);
        Assert.Equal(SiScaleCode.None, power.SiScaleCode);
        Assert.Equal(50m, power.PowerAttributes.Hertz);
        Assert.Equal(230m, power.PowerAttributes.Voltage);
        Assert.True(power.PowerAttributes.Ac);
        var voltage = Assert.IsType<Voltage>(report.OadrReportDescriptions[1].ItemBase);
        Assert.Equal("V", voltage.ItemUnits);
    }

    [Theory]
    [InlineData("005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml", "probe-power-real:1655.5", "probe-voltage:225.4")]
    [InlineData("variant-stock-client/007_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml", "3dfaf6f8-a671-4ffe-b24c-0b26f6e2a35a:1500")]
    public void Updated_report_keeps_its_values(string file, params string[] values)
    {
        var update = (OadrUpdateReport)Read(file).OadrSignedObject.Message;

        var report = Assert.Single(update.OadrReports);
        Assert.Equal("TELEMETRY_USAGE", report.ReportName);
        Assert.Equal("", report.EiReportId);
        Assert.Equal(update.VenId, ModelAssert.Collect(update, "VenId").Single());
        var read = report.Intervals!.Items
            .SelectMany(i => i.StreamPayloads)
            .Cast<OadrReportPayload>()
            .Select(p => p.RId + ":" + ((PayloadFloat)p.PayloadBase).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(values, read);
        Assert.All(report.Intervals.Items, i => Assert.Equal(DateTimeKind.Utc, i.DtStart!.Value.Kind));
        Assert.Equal(report.DtStart, report.Intervals.Items[0].DtStart);
    }

    [Fact]
    public void Registration_answer_keeps_profiles_and_poll_frequency()
    {
        var created = (OadrCreatedPartyRegistration)Read("001_2_VTN-to-VEN_EiRegisterParty_oadrCreatedPartyRegistration.xml").OadrSignedObject.Message;

        Assert.Equal("8dcae10a-4018-407d-83b4-4b743eed188b", created.EiResponse.RequestId);
        Assert.Equal("", created.RegistrationId);
        Assert.Equal("", created.VenId);
        Assert.Equal("openleadr-reference-vtn", created.VtnId);
        var profile = Assert.Single(created.OadrProfiles.Profiles);
        Assert.Equal(OadrProfileName.Oadr20b, profile.OadrProfileName);
        Assert.Equal(OadrTransportName.SimpleHttp, Assert.Single(profile.OadrTransports.Transports).OadrTransportName);
        Assert.Equal(TimeSpan.FromSeconds(2), created.OadrRequestedOadrPollFreq);
        Assert.Null(created.OadrServiceSpecificInfo);
        Assert.Null(created.OadrExtensions);
    }

    [Fact]
    public void Registration_request_keeps_the_literal_none_transport_address()
    {
        var create = (OadrCreatePartyRegistration)Read("002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml").OadrSignedObject.Message;

        Assert.Equal("None", create.OadrTransportAddress);
        Assert.Equal("probe-ven", create.OadrVenName);
        Assert.Equal(OadrProfileName.Oadr20b, create.OadrProfileName);
        Assert.Equal(OadrTransportName.SimpleHttp, create.OadrTransportName);
        Assert.False(create.OadrReportOnly);
        Assert.False(create.OadrXmlSignature);
        Assert.True(create.OadrHttpPullModel);
        Assert.Null(create.RegistrationId);
        Assert.Null(create.VenId);
    }

    [Fact]
    public void Opt_in_answer_keeps_its_event_response()
    {
        var created = (OadrCreatedEvent)Read("013_1_VEN-to-VTN_EiEvent_oadrCreatedEvent.xml").OadrSignedObject.Message;

        Assert.Equal("", created.EiCreatedEvent.EiResponse.RequestId);
        var response = Assert.Single(created.EiCreatedEvent.EventResponses!.Responses);
        Assert.Equal(OptType.OptIn, response.OptType);
        Assert.Equal("503647e3-42ad-4c5d-ac97-64fa413ec916", response.RequestId);
        Assert.Equal("cd654eab-cd9b-4c3d-8ab4-6756bed6f19c", response.QualifiedEventId.EventId);
        Assert.Equal(0u, response.QualifiedEventId.ModificationNumber);
        Assert.Equal("ven-9eea0291-6afe-4077-8734-898453870cb7", created.EiCreatedEvent.VenId);
    }

    [Theory]
    [InlineData("signed-examples/01_VEN_oadrPoll.signed.xml", "2026-11-26T03:49:47.563428Z", "d935d9d6d4f24efc8feb0fa67b46f074")]
    [InlineData("signed-examples/02_VTN_oadrResponse.signed.xml", "2026-11-26T03:49:47.607654Z", "d6281cdc536f447d988207c160189bd8")]
    [InlineData("signed-examples/03_VEN_oadrQueryRegistration.signed.xml", null, null)]
    public void Signature_is_kept_as_the_exact_bytes_of_the_element(string file, string? timestamp, string? nonce)
    {
        var xml = Interop.Bytes(file);
        var payload = Read(file);

        var signature = payload.Signature!;
        Assert.Equal((byte)'<', signature[0]);
        Assert.Equal((byte)'>', signature[^1]);
        var text = Encoding.UTF8.GetString(signature);
        Assert.StartsWith("<ds:Signature ", text);
        Assert.EndsWith("</ds:Signature>", text);
        Assert.Contains("SignatureValue", text);
        Assert.True(xml.AsSpan().IndexOf(signature) > 0, "the signature bytes are a slice of the document");

        var start = text.IndexOf("<dsp:ReplayProtect", StringComparison.Ordinal);
        var end = text.IndexOf("</dsp:ReplayProtect>", StringComparison.Ordinal) + "</dsp:ReplayProtect>".Length;
        var replayProtect = ReplayProtect.Read(Encoding.UTF8.GetBytes(text[start..end]));
        if (timestamp is not null)
        {
            Assert.Equal(DateTime.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), replayProtect.Timestamp);
            Assert.Equal(nonce, replayProtect.Nonce.Value);
        }

        Assert.Equal(DateTimeKind.Utc, replayProtect.Timestamp.Kind);
        Assert.Null(replayProtect.Nonce.EncodingType);
        Assert.Equal(32, replayProtect.Nonce.Value.Length);
    }

    private static OadrPayload Read(string file) => Documents.Read(Interop.Bytes(file));

    private static float PayloadValue(Interval interval) =>
        ((PayloadFloat)((SignalPayload)Assert.Single(interval.StreamPayloads)).PayloadBase).Value;
}
