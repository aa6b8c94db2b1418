using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using Xunit;

namespace OpenAdr.Edge.Server.Tests.Tls;

/// <summary>
/// No VEN can read, answer or change anything of another over mutual TLS: VEN A, with its own certificate, sends
/// each message type a VEN sends with VEN B's venID (and B's registrationID, event, opt and report IDs). Each gets
/// 463 and B's state, as the engine's queries show it, is the same afterwards. (A poll with another's venID:
/// <see cref="MutualTlsTests.Another_vens_certificate_polling_with_a_registered_venID_gets_463"/>.)
/// </summary>
public sealed class AuthorizationTests(TestPki pki) : IClassFixture<TestPki>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OadrMessage Interop(string file) =>
        OadrPayload.Read(File.ReadAllBytes(SharedFiles.Get("interop/openleadr/" + file))).OadrSignedObject.Message;

    public static TheoryData<string> Messages => new(
        "oadrRequestEvent", "oadrCreatedEvent", "oadrRegisterReport", "oadrCreatedReport", "oadrUpdateReport",
        "oadrCanceledReport", "oadrCancelReport", "oadrCreateOpt", "oadrCancelOpt", "oadrCancelPartyRegistration",
        "oadrCancelPartyRegistration by registrationID alone", "oadrCanceledPartyRegistration",
        "oadrCreatePartyRegistration re-registering B", "oadrCreatePartyRegistration with B's venID");

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Another_vens_certificate_with_its_ids_gets_463_and_changes_nothing(string message)
    {
        await using var world = await TwoVensAsync();
        var before = await world.StateOfBAsync();

        var (service, attack) = world.Attack(message);
        var answer = await world.VenA.PostAsync(service, attack);

        Assert.Equal("463", CodeOf(answer));
        Assert.Equal(before, await world.StateOfBAsync());
        Assert.True(world.Vtn.GetVen(world.VenIdB)!.Registration is not null, "B is still registered");
    }

    [Fact]
    public async Task A_query_registration_shows_a_ven_its_own_ids_never_anothers()
    {
        await using var world = await TwoVensAsync();
        var answer = Assert.IsType<OadrCreatedPartyRegistration>(await world.VenA.PostAsync("EiRegisterParty", new OadrQueryRegistration { RequestId = "query-a" }));
        Assert.Equal(world.VenIdA, answer.VenId);
        Assert.NotEqual(world.VenIdB, answer.VenId);
    }

    [Fact]
    public async Task An_oadrResponse_with_another_vens_id_is_acknowledged_and_changes_nothing()
    {
        // A VEN's oadrResponse acknowledges what the VTN sent it; the VTN acts on none (an empty 200 to everyone).
        await using var world = await TwoVensAsync();
        var before = await world.StateOfBAsync();
        var (status, body) = await world.VenA.SendAsync("EiEvent", new OadrResponse
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" },
            VenId = world.VenIdB,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body);
        Assert.Equal(before, await world.StateOfBAsync());
    }

    [Fact]
    public async Task The_same_messages_with_the_vens_own_certificate_are_accepted()
    {
        // The other side of the theory above: with B's own certificate, B's IDs are B's to use.
        await using var world = await TwoVensAsync();
        var (service, message) = world.Attack("oadrCreateOpt");
        Assert.Equal("200", CodeOf(await world.VenB.PostAsync(service, message)));
        (service, message) = world.Attack("oadrCreatePartyRegistration re-registering B");
        Assert.Equal("200", CodeOf(await world.VenB.PostAsync(service, message)));
    }

    private static string? CodeOf(OadrMessage answer) =>
        (answer.GetType().GetProperty(nameof(OadrResponse.EiResponse))?.GetValue(answer) as EiResponse)?.ResponseCode;

    /// <summary>VENs A and B registered over mutual TLS; B has an event, an opt on it, and its report offer answered with requests.</summary>
    private async Task<TwoVens> TwoVensAsync()
    {
        var server = await TlsEdgeServer.StartAsync(pki);
        var venA = server.Connect(pki.VenA);
        var venB = server.Connect(pki.VenB);
        var vtn = server.App.Services.GetRequiredService<OpenAdrVtn>();
        var a = Assert.IsType<OadrCreatedPartyRegistration>(await venA.PostAsync("EiRegisterParty", Registration("ven-a")));
        var b = Assert.IsType<OadrCreatedPartyRegistration>(await venB.PostAsync("EiRegisterParty", Registration("ven-b")));
        Assert.IsType<OadrRegisterReport>(await venB.PostAsync("OadrPoll", new OadrPoll { VenId = b.VenId! }));

        var offer = (OadrRegisterReport)Interop("003_1_VEN-to-VTN_EiReport_oadrRegisterReport.xml");
        offer.VenId = b.VenId;
        Assert.Equal("200", CodeOf(await venB.PostAsync("EiReport", offer)));

        var eventId = await vtn.AddEventAsync(
            b.VenId!, "SIMPLE", SignalType.Level, [new EventInterval(DateTime.UtcNow.AddHours(2), TimeSpan.FromMinutes(30), 1)], cancellationToken: Ct);
        var world = new TwoVens(server, venA, venB, vtn, a.VenId!, b.VenId!, b.RegistrationId!, eventId, offer);
        var (service, opt) = world.Attack("oadrCreateOpt");
        ((OadrCreateOpt)opt).OptId = "opt-b";
        Assert.Equal("200", CodeOf(await venB.PostAsync(service, opt)));
        return world;
    }

    private static OadrCreatePartyRegistration Registration(string name, string? venId = null, string? registrationId = null) => new()
    {
        RequestId = "register-" + name,
        VenId = venId,
        RegistrationId = registrationId,
        OadrProfileName = OadrProfileName.Oadr20b,
        OadrTransportName = OadrTransportName.SimpleHttp,
        OadrVenName = name,
        OadrHttpPullModel = true,
    };

    private sealed record TwoVens(
        TlsEdgeServer Server, TlsEdgeServer.VenConnection VenA, TlsEdgeServer.VenConnection VenB, OpenAdrVtn Vtn,
        string VenIdA, string VenIdB, string RegistrationIdB, string EventIdB, OadrRegisterReport OfferB) : IAsyncDisposable
    {
        /// <summary>The message of that type naming B's IDs, and the service it goes to.</summary>
        public (string Service, OadrMessage Message) Attack(string message)
        {
            var reportRequestId = Vtn.GetReports(VenIdB)?.Requests.Select(r => r.Request.ReportRequestId).FirstOrDefault() ?? "no-request";
            var ok = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "req-attack" };
            return message switch
            {
                "oadrRequestEvent" => ("EiEvent", new OadrRequestEvent { EiRequestEvent = new EiRequestEvent { RequestId = "req-attack", VenId = VenIdB } }),
                "oadrCreatedEvent" => ("EiEvent", new OadrCreatedEvent
                {
                    EiCreatedEvent = new EiCreatedEvent
                    {
                        EiResponse = ok,
                        VenId = VenIdB,
                        EventResponses = new EventResponses
                        {
                            Responses = [new EventResponse { ResponseCode = "200", RequestId = "", QualifiedEventId = new QualifiedEventId { EventId = EventIdB, ModificationNumber = 0 }, OptType = OptType.OptOut }],
                        },
                    },
                }),
                "oadrRegisterReport" => ("EiReport", new OadrRegisterReport { RequestId = "req-attack", OadrReports = [], VenId = VenIdB }),
                "oadrCreatedReport" => ("EiReport", new OadrCreatedReport { EiResponse = ok, VenId = VenIdB }),
                "oadrUpdateReport" => ("EiReport", UpdateReport()),
                "oadrCanceledReport" => ("EiReport", new OadrCanceledReport { EiResponse = ok, VenId = VenIdB }),
                "oadrCancelReport" => ("EiReport", new OadrCancelReport { RequestId = "req-attack", ReportRequestIds = [reportRequestId], ReportToFollow = false, VenId = VenIdB }),
                "oadrCreateOpt" => ("EiOpt", new OadrCreateOpt
                {
                    OptId = "opt-attack",
                    OptType = OptType.OptOut,
                    OptReason = "participating",
                    VenId = VenIdB,
                    CreatedDateTime = DateTime.UtcNow,
                    RequestId = "req-attack",
                    QualifiedEventId = new QualifiedEventId { EventId = EventIdB, ModificationNumber = 0 },
                }),
                "oadrCancelOpt" => ("EiOpt", new OadrCancelOpt { OptId = "opt-b", VenId = VenIdB, RequestId = "req-attack" }),
                "oadrCancelPartyRegistration" => ("EiRegisterParty", new OadrCancelPartyRegistration { RequestId = "req-attack", RegistrationId = RegistrationIdB, VenId = VenIdB }),
                "oadrCancelPartyRegistration by registrationID alone" => ("EiRegisterParty", new OadrCancelPartyRegistration { RequestId = "req-attack", RegistrationId = RegistrationIdB }),
                "oadrCanceledPartyRegistration" => ("EiRegisterParty", new OadrCanceledPartyRegistration { EiResponse = ok, RegistrationId = RegistrationIdB, VenId = VenIdB }),
                "oadrCreatePartyRegistration re-registering B" => ("EiRegisterParty", Registration("ven-b", VenIdB, RegistrationIdB)),
                "oadrCreatePartyRegistration with B's venID" => ("EiRegisterParty", Registration("ven-b", VenIdB)),
                _ => throw new ArgumentOutOfRangeException(nameof(message), message, null),
            };
        }

        /// <summary>Everything the engine shows of B: registration, last seen, queue, events and answers, reports, opts, data.</summary>
        public async Task<string> StateOfBAsync()
        {
            var ven = Vtn.GetVen(VenIdB)!;
            var events = Vtn.GetEventSummaries(VenIdB).Select(e => $"{e.Event.EiEvent.EventDescriptor.EventId}/{e.Event.EiEvent.EventDescriptor.ModificationNumber}/{e.Opt}/{e.OptSource}");
            var reports = Vtn.GetReports(VenIdB);
            var requests = reports?.Requests.Select(r => $"{r.Request.ReportRequestId}/{r.State}") ?? [];
            var opts = Vtn.GetOpts(VenIdB).Select(o => $"{o.OptId}/{o.OptType}");
            var data = await Vtn.ReadReportDataAsync(VenIdB, cancellationToken: Ct);
            return $"{ven.Registration}; last seen {ven.LastSeen:O}; queue {ven.QueueDepth}; events [{string.Join(", ", events)}]; "
                + $"offered {reports?.Offers.Count}; requests [{string.Join(", ", requests)}]; opts [{string.Join(", ", opts)}]; data {data.Count}";
        }

        public async ValueTask DisposeAsync()
        {
            VenA.Dispose();
            VenB.Dispose();
            await Server.DisposeAsync();
        }

        private OadrUpdateReport UpdateReport()
        {
            var update = (OadrUpdateReport)Interop("005_1_VEN-to-VTN_EiReport_oadrUpdateReport.xml");
            update.VenId = VenIdB;
            return update;
        }
    }
}
