using System.IO;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>OpenLEADR's VEN (its recorded messages) against the binary's default policy, over HTTP.</summary>
public sealed class VenLifecycleOverHttpTests
{
    private static T Interop<T>(string file)
        where T : OadrMessage =>
        Assert.IsType<T>(OadrPayload.Read(File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + file))).OadrSignedObject.Message);

    [Fact]
    public async Task Openleadr_ven_registers_offers_telemetry_reports_and_polls()
    {
        await using var server = await EdgeServer.StartAsync();
        var query = Assert.IsType<OadrCreatedPartyRegistration>(await server.PostAsync("EiRegisterParty", Interop<OadrQueryRegistration>("001_1_VEN-to-VTN_EiRegisterParty_oadrQueryRegistration.xml")));
        Assert.Null(query.VenId);

        var created = Assert.IsType<OadrCreatedPartyRegistration>(await server.PostAsync("EiRegisterParty", Interop<OadrCreatePartyRegistration>("002_1_VEN-to-VTN_EiRegisterParty_oadrCreatePartyRegistration.xml")));
        Assert.Equal("200", created.EiResponse.ResponseCode);
        var venId = created.VenId!;

        var register = Interop<OadrRegisterReport>("003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml");
        register.VenId = venId;
        var registered = Assert.IsType<OadrRegisteredReport>(await server.PostAsync("EiReport", register));
        var request = Assert.Single(registered.OadrReportRequests);
        Assert.Equal(2, request.ReportSpecifier.SpecifierPayloads.Count);

        var update = Interop<OadrUpdateReport>("005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml");
        update.VenId = venId;
        foreach (var report in update.OadrReports)
        {
            report.ReportRequestId = request.ReportRequestId;
        }

        var updated = Assert.IsType<OadrUpdatedReport>(await server.PostAsync("EiReport", update));
        Assert.Equal("200", updated.EiResponse.ResponseCode);
        Assert.Equal(update.RequestId, updated.EiResponse.RequestId);

        var poll = new OadrPoll { VenId = venId };
        Assert.IsType<OadrRegisterReport>(await server.PostAsync("OadrPoll", poll));
        var nothing = Assert.IsType<OadrResponse>(await server.PostAsync("OadrPoll", poll));
        Assert.Equal("200", nothing.EiResponse.ResponseCode);

        var cancel = Interop<OadrCancelPartyRegistration>("018_1_VEN-to-VTN_EiRegisterParty_oadrCancelPartyRegistration.xml");
        cancel.VenId = venId;
        cancel.RegistrationId = created.RegistrationId!;
        Assert.Equal("200", Assert.IsType<OadrCanceledPartyRegistration>(await server.PostAsync("EiRegisterParty", cancel)).EiResponse.ResponseCode);
        Assert.IsType<OadrRequestReregistration>(await server.PostAsync("OadrPoll", poll));
    }
}
