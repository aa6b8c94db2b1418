using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Ven;
using OpenAdr.Edge.Vtn;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;

// Usage: CrashHost <database> <run> <workers>
// Prints one line per acknowledged write, after the engine acknowledged it:
//   registered <venId> | event <venId> <eventId> | opt <venId> <eventId> | data <venId> <reportRequestId> <points>
// and runs until it is killed.
var database = args[0];
var run = args[1];
var workers = int.Parse(args[2], CultureInfo.InvariantCulture);
var output = Console.Out;
var outputLock = new Lock();

void Ack(string line)
{
    lock (outputLock)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

var store = await SqliteVtnStore.OpenAsync(database);
var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "crash-vtn" }, store);
vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(info.VenName!, "reg-" + info.VenName));
vtn.OnRegisterReport = offer => ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(_ => ValueTask.CompletedTask, offer.MinSamplingInterval));
Ack("ready");

var tasks = new Task[workers];
for (var w = 0; w < workers; w++)
{
    var worker = w;
    tasks[w] = Task.Run(async () =>
    {
        for (var i = 0; ; i++)
        {
            var venId = $"{run}-w{worker}-{i}";
            await Expect<OadrCreatedPartyRegistration>(vtn, new OadrCreatePartyRegistration
            {
                RequestId = "r",
                OadrProfileName = OadrProfileName.Oadr20b,
                OadrTransportName = OadrTransportName.SimpleHttp,
                OadrVenName = venId,
                OadrHttpPullModel = true,
            }, m => m.EiResponse.ResponseCode);
            Ack($"registered {venId}");

            var start = DateTime.UtcNow.AddHours(1);
            var eventId = await vtn.AddEventAsync(venId, "SIMPLE", SignalType.Level, [new EventInterval(start, TimeSpan.FromMinutes(30), 1)]);
            Ack($"event {venId} {eventId}");

            await Expect<OadrResponse>(vtn, new OadrCreatedEvent
            {
                EiCreatedEvent = new EiCreatedEvent
                {
                    EiResponse = new EiResponse { ResponseCode = "200", RequestId = "" },
                    VenId = venId,
                    EventResponses = new EventResponses
                    {
                        Responses = [new EventResponse { ResponseCode = "200", RequestId = "", OptType = OptType.OptIn, QualifiedEventId = new QualifiedEventId { EventId = eventId } }],
                    },
                },
            }, m => m.EiResponse.ResponseCode);
            Ack($"opt {venId} {eventId}");

            var registered = await Expect<OadrRegisteredReport>(vtn, new OadrRegisterReport
            {
                RequestId = "m",
                VenId = venId,
                OadrReports = [TelemetryReports.RealPowerMetadata("telemetry", "power", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))],
            }, m => m.EiResponse.ResponseCode);
            var requestId = registered.OadrReportRequests[0].ReportRequestId;
            var readings = Enumerable.Range(0, 10).Select(p => (DateTime.UtcNow.AddSeconds(p * 10), TimeSpan.FromSeconds(10), (float)p));
            await Expect<OadrUpdatedReport>(vtn, new OadrUpdateReport
            {
                RequestId = "u",
                VenId = venId,
                OadrReports = [TelemetryReports.Readings("telemetry", requestId, "power", readings)],
            }, m => m.EiResponse.ResponseCode);
            Ack($"data {venId} {requestId} 10");
        }
    });
}

await Task.WhenAll(tasks);

static async Task<T> Expect<T>(OpenAdrVtn vtn, OadrMessage message, Func<T, string> code)
    where T : OadrMessage
{
    var answer = await vtn.HandleAsync(message);
    if (answer is not T typed || code(typed) != "200")
    {
        throw new InvalidOperationException($"Unexpected answer to {message.GetType().Name}: {answer?.GetType().Name} {(answer is T t ? code(t) : "")}");
    }

    return typed;
}
