using System;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

/// <summary>A VTN over a temp SQLite database with a manual clock, and a scripted VEN's messages.</summary>
internal sealed class VtnHarness : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private readonly VtnOptions _options;

    private VtnHarness(TempDatabase database, ManualClock clock, OpenAdrVtn vtn, VtnOptions options)
    {
        Database = database;
        Clock = clock;
        Vtn = vtn;
        _options = options;
    }

    public TempDatabase Database { get; }

    public ManualClock Clock { get; }

    public OpenAdrVtn Vtn { get; private set; }

    public static VtnOptions Options => new() { VtnId = "test-vtn", RequestedPollFrequency = TimeSpan.FromSeconds(2) };

    /// <summary>A VTN that accepts every VEN name as venID "ven-{name}" with registrationID "reg-{name}".</summary>
    /// <param name="options">Other options (a small queue, fewer cancelled-event deliveries); kept across restarts.</param>
    public static async Task<VtnHarness> StartAsync(DateTime? start = null, VtnOptions? options = null)
    {
        var database = new TempDatabase();
        var clock = new ManualClock(start ?? Start);
        options ??= Options;
        var vtn = await OpenAdrVtn.OpenAsync(options, await database.OpenAsync(), clock, cancellationToken: TestContext.Current.CancellationToken);
        var harness = new VtnHarness(database, clock, vtn, options);
        harness.AcceptEveryone();
        return harness;
    }

    /// <summary>Closes the VTN and opens a new one over the same database, as after a restart.</summary>
    public async Task RestartAsync()
    {
        await Vtn.DisposeAsync();
        Vtn = await OpenAdrVtn.OpenAsync(_options, await Database.OpenAsync(), Clock, cancellationToken: TestContext.Current.CancellationToken);
        AcceptEveryone();
    }

    public void AcceptEveryone() =>
        Vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-" + info.VenName, "reg-" + info.VenName));

    public async Task<OadrMessage?> SendAsync(OadrMessage message, OpenAdrService? service = null, string? fingerprint = null) =>
        await Vtn.HandleAsync(message, new VenRequestContext(service, fingerprint), TestContext.Current.CancellationToken);

    public async Task<T> SendAsync<T>(OadrMessage message, OpenAdrService? service = null, string? fingerprint = null)
        where T : OadrMessage
    {
        var answer = await SendAsync(message, service, fingerprint);
        return Assert.IsType<T>(answer);
    }

    /// <summary>Registers VEN "ven-{name}" and takes the VTN's METADATA off its queue.</summary>
    public async Task<string> RegisterAsync(string name)
    {
        var created = await SendAsync<OadrCreatedPartyRegistration>(Messages.CreatePartyRegistration(name));
        Assert.Equal("200", created.EiResponse.ResponseCode);
        var metadata = await SendAsync<OadrRegisterReport>(Messages.Poll(created.VenId!));
        Assert.Empty(metadata.OadrReports);
        return created.VenId!;
    }

    public async ValueTask DisposeAsync()
    {
        await Vtn.DisposeAsync();
        Database.Dispose();
    }
}

/// <summary>Messages as a VEN sends them.</summary>
internal static class Messages
{
    public static OadrPoll Poll(string venId) => new() { VenId = venId };

    public static OadrCreatePartyRegistration CreatePartyRegistration(string name, string? venId = null, string? registrationId = null) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..8],
        VenId = venId,
        RegistrationId = registrationId,
        OadrProfileName = OadrProfileName.Oadr20b,
        OadrTransportName = OadrTransportName.SimpleHttp,
        OadrVenName = name,
        OadrHttpPullModel = true,
    };

    public static OadrCreatedEvent CreatedEvent(string venId, string eventId, uint modificationNumber, OptType opt, string requestId = "") => new()
    {
        EiCreatedEvent = new EiCreatedEvent
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = "" },
            VenId = venId,
            EventResponses = new EventResponses
            {
                Responses =
                [
                    new EventResponse
                    {
                        ResponseCode = "200",
                        RequestId = requestId,
                        QualifiedEventId = new QualifiedEventId { EventId = eventId, ModificationNumber = modificationNumber },
                        OptType = opt,
                    },
                ],
            },
        },
    };

    public static OadrRequestEvent RequestEvent(string venId, uint? replyLimit = null) => new()
    {
        EiRequestEvent = new EiRequestEvent { RequestId = "req-events", VenId = venId, ReplyLimit = replyLimit },
    };

    /// <summary>An availability schedule (oadrCreateOpt with a vavailability): the VEN's resources are (un)available in one period.</summary>
    public static OadrCreateOpt CreateScheduleOpt(string venId, string optId, OptType opt, DateTime start, TimeSpan duration, string requestId = "req-opt") => new()
    {
        OptId = optId,
        OptType = opt,
        OptReason = "participating",
        VenId = venId,
        CreatedDateTime = start,
        RequestId = requestId,
        Vavailability = new Vavailability
        {
            ContainedComponents = new ArrayOfVavailabilityContainedComponents
            {
                AvailablePeriods = [new Available { Properties = new Properties { DtStart = start, Duration = duration } }],
            },
        },
    };

    /// <summary>An opt for one event (oadrCreateOpt with a qualifiedEventID), optionally for some resources only.</summary>
    public static OadrCreateOpt CreateEventOpt(string venId, string optId, string eventId, uint modificationNumber, OptType opt, params string[] resourceIds) => new()
    {
        OptId = optId,
        OptType = opt,
        OptReason = "participating",
        VenId = venId,
        CreatedDateTime = VtnHarness.Start,
        RequestId = "req-" + optId,
        QualifiedEventId = new QualifiedEventId { EventId = eventId, ModificationNumber = modificationNumber },
        EiTarget = new EiTarget { ResourceIds = [.. resourceIds] },
    };

    public static OadrCancelOpt CancelOpt(string venId, string optId, string requestId = "req-cancel-opt") => new()
    {
        OptId = optId,
        VenId = venId,
        RequestId = requestId,
    };

    public static OadrQueryRegistration QueryRegistration(string requestId = "req-query") => new() { RequestId = requestId };

    public static OadrCancelPartyRegistration CancelPartyRegistration(string venId, string registrationId, string requestId = "req-cancel-registration") => new()
    {
        RequestId = requestId,
        RegistrationId = registrationId,
        VenId = venId,
    };

    /// <summary>The VEN's answer to the VTN's oadrCancelPartyRegistration.</summary>
    public static OadrCanceledPartyRegistration CanceledPartyRegistration(string venId, string registrationId, string requestId, string responseCode = "200") => new()
    {
        EiResponse = new EiResponse { ResponseCode = responseCode, ResponseDescription = responseCode == "200" ? "OK" : "Refused", RequestId = requestId },
        RegistrationId = registrationId,
        VenId = venId,
    };

    /// <summary>The VEN's plain acknowledgement (oadrResponse).</summary>
    public static OadrResponse Response(string venId, string requestId = "") => new()
    {
        EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = requestId },
        VenId = venId,
    };
}
