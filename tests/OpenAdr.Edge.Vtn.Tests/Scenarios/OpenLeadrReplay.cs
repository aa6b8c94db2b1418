using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;
using Xunit.Sdk;

namespace OpenAdr.Edge.Vtn.Tests.Scenarios;

/// <summary>
/// Replays what a recorded OpenLEADR VEN sent against a fresh VTN that is scripted to do what OpenLEADR's VTN did in
/// that recording, and checks that each answer means what OpenLEADR's answer meant.
/// <para>
/// The scripted VTN side, read from the recorded answers: the vtnID and poll frequency of the oadrQueryRegistration
/// answer; <see cref="OpenAdrVtn.OnCreatePartyRegistration"/> accepting with the venID and registrationID of the
/// registration answer; <see cref="OpenAdrVtn.OnRegisterReport"/> subscribing to the rIDs the recorded
/// oadrRegisteredReport requested, with its granularity and reportBackDuration; and, before each request whose recorded
/// answer is an oadrDistributeEvent, the event change that answer shows: an event not seen before is added (its signal,
/// intervals and market context), one now cancelled is cancelled, one with a higher modificationNumber is modified to
/// the recorded levels. The clock stands at the creation time of the first recorded distribution, so statuses match.
/// </para>
/// <para>
/// Substitutions in the recorded VEN messages, on the parsed object, because our VTN makes its IDs itself:
/// oadrCreatedReport's pending reportRequestIDs and oadrUpdateReport's reportRequestIDs become the ones our
/// oadrRegisteredReport gave for the same reportSpecifierID; in oadrCreatedEvent the eventID becomes ours, the
/// modificationNumber the one our last distribution carried, and the eventResponse requestID the requestID of our
/// oadrDistributeEvent that stood where the recorded one did. venID and registrationID need none.
/// </para>
/// <para>
/// Intended differences: an oadrRequestEvent with nothing to send gets an empty oadrDistributeEvent, not oadrResponse;
/// the first poll after registration gets the VTN's METADATA (oadrRegisterReport, R-301), so the replay polls it off
/// before the first recorded poll and answers it as a VEN does (oadrRegisteredReport); OpenLEADR's literal "None"
/// requestID is "" in ours; the oadrResponse to oadrCreatedReport echoes the requestID the VEN's eiResponse carries where
/// OpenLEADR leaves it empty; report requests name readingType x-notApplicable where OpenLEADR copies the offered one.
/// </para>
/// </summary>
internal sealed class OpenLeadrReplay : IAsyncDisposable
{
    private readonly Recording _recording;
    private readonly TempDatabase _database;
    private readonly OadrRegisteredReport _recordedReportRequests;
    private readonly Dictionary<string, string> _reportRequestIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _eventIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _distributeRequestIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint> _distributedModifications = new(StringComparer.Ordinal);
    private readonly List<RegistrationInfo> _registrations = [];
    private readonly List<ReportData> _reportData = [];
    private readonly List<(string EventId, OptType Opt)> _eventAnswers = [];
    private OpenAdrVtn _vtn = null!;
    private bool _registered;
    private bool _metadataPolledOff;
    private int _readingsSent;

    private OpenLeadrReplay(Recording recording)
    {
        _recording = recording;
        _database = new TempDatabase();
        var registration = recording.FirstAnswer<OadrCreatedPartyRegistration>(a => !string.IsNullOrEmpty(a.VenId));
        VenId = registration.VenId!;
        RegistrationId = registration.RegistrationId!;
        _recordedReportRequests = recording.FirstAnswer<OadrRegisteredReport>();
    }

    public string VenId { get; }

    public string RegistrationId { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OpenLeadrReplay> StartAsync(Recording recording)
    {
        var replay = new OpenLeadrReplay(recording);
        var query = recording.FirstAnswer<OadrCreatedPartyRegistration>(a => string.IsNullOrEmpty(a.VenId));
        var firstEvent = recording.FirstAnswer<OadrDistributeEvent>(d => d.OadrEvents.Count > 0).OadrEvents[0];
        var options = new VtnOptions { VtnId = query.VtnId, RequestedPollFrequency = query.OadrRequestedOadrPollFreq!.Value };
        var clock = new ManualClock(firstEvent.EiEvent.EventDescriptor.CreatedDateTime);
        replay._vtn = await OpenAdrVtn.OpenAsync(options, await replay._database.OpenAsync(), clock, cancellationToken: Ct);
        replay._vtn.OnCreatePartyRegistration = replay.AcceptAsRecorded;
        replay._vtn.OnRegisterReport = replay.SubscribeAsRecorded;
        return replay;
    }

    /// <summary>Sends every recorded VEN request in order; fails naming the exchange whose answer differs.</summary>
    public async Task RunAsync()
    {
        foreach (var exchange in _recording.Exchanges)
        {
            try
            {
                await StepAsync(exchange);
            }
            catch (XunitException e)
            {
                throw new XunitException($"{_recording.Folder}/{exchange.File}: {e.Message}", e);
            }
        }

        await AssertTheRunAsAWholeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_vtn is not null)
        {
            await _vtn.DisposeAsync();
        }

        _database.Dispose();
    }

    private async Task StepAsync(RecordedExchange exchange)
    {
        var request = exchange.Request;
        if (request is OadrPoll poll && _registered && !_metadataPolledOff)
        {
            await PollOffVtnMetadataAsync(poll);
        }

        if (exchange.RecordedAnswer is OadrDistributeEvent recordedDistribute)
        {
            await DoWhatOpenLeadrDidToItsEventsAsync(recordedDistribute);
        }

        SubstituteOurIds(request);
        _reportData.Clear();
        var answer = await _vtn.HandleAsync(request, new VenRequestContext(exchange.Service), Ct);
        Assert.NotNull(answer);
        OadrSchema.AssertWritesValidDocument(answer);
        AssertSameMeaning(exchange, answer);
        if (request is OadrUpdateReport update)
        {
            AssertDataReachedTheCallbacks(update);
        }
    }

    private ValueTask<AcceptedRegistration?> AcceptAsRecorded(RegistrationInfo info)
    {
        _registrations.Add(info);
        return ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration(VenId, RegistrationId));
    }

    private ValueTask<ReportSubscription?> SubscribeAsRecorded(ReportOffer offer)
    {
        foreach (var request in _recordedReportRequests.OadrReportRequests)
        {
            var specifier = request.ReportSpecifier;
            if (specifier.ReportSpecifierId == offer.ReportSpecifierId && specifier.SpecifierPayloads.Exists(p => p.RId == offer.RId))
            {
                return ValueTask.FromResult<ReportSubscription?>(new ReportSubscription(Collect, specifier.Granularity, specifier.ReportBackDuration));
            }
        }

        return ValueTask.FromResult<ReportSubscription?>(null);
    }

    private ValueTask Collect(ReportData data)
    {
        _reportData.Add(data);
        return ValueTask.CompletedTask;
    }

    private ValueTask HeardEventAnswer(string venId, string eventId, OptType opt)
    {
        _eventAnswers.Add((eventId, opt));
        return ValueTask.CompletedTask;
    }

    /// <summary>The extra poll: our VTN's METADATA, answered as a VEN answers it.</summary>
    private async Task PollOffVtnMetadataAsync(OadrPoll poll)
    {
        var metadata = Assert.IsType<OadrRegisterReport>(await _vtn.HandleAsync(poll, new VenRequestContext(OpenAdrService.OadrPoll), Ct));
        OadrSchema.AssertWritesValidDocument(metadata);
        Assert.Empty(metadata.OadrReports);
        Assert.Equal(VenId, metadata.VenId);
        Assert.False(string.IsNullOrEmpty(metadata.RequestId));
        var registered = new OadrRegisteredReport
        {
            EiResponse = new EiResponse { ResponseCode = "200", ResponseDescription = "OK", RequestId = metadata.RequestId },
            VenId = VenId,
        };
        var acknowledged = Assert.IsType<OadrResponse>(await _vtn.HandleAsync(registered, new VenRequestContext(OpenAdrService.EiReport), Ct));
        OadrSchema.AssertWritesValidDocument(acknowledged);
        Assert.Equal("200", acknowledged.EiResponse.ResponseCode);
        Assert.Equal(metadata.RequestId, acknowledged.EiResponse.RequestId);
        _metadataPolledOff = true;
    }

    private async Task DoWhatOpenLeadrDidToItsEventsAsync(OadrDistributeEvent recordedDistribute)
    {
        foreach (var recorded in recordedDistribute.OadrEvents)
        {
            var descriptor = recorded.EiEvent.EventDescriptor;
            if (!_eventIds.TryGetValue(descriptor.EventId, out var eventId))
            {
                var signal = Assert.Single(recorded.EiEvent.EiEventSignals.Signals);
                var intervals = signal.Intervals.Items.ConvertAll(i => new EventInterval(i.DtStart!.Value, i.Duration!.Value, Level(i)));
                _eventIds[descriptor.EventId] = await _vtn.AddEventAsync(
                    VenId, signal.SignalName, signal.SignalType, intervals, callback: HeardEventAnswer,
                    responseRequired: recorded.OadrResponseRequired, marketContext: descriptor.EiMarketContext, priority: descriptor.Priority ?? 0,
                    cancellationToken: Ct);
                continue;
            }

            var current = Assert.Single(_vtn.GetEvents(VenId), e => e.EiEvent.EventDescriptor.EventId == eventId).EiEvent.EventDescriptor;
            if (descriptor.EventStatus == EventStatus.Cancelled && current.EventStatus != EventStatus.Cancelled)
            {
                await _vtn.CancelEventAsync(VenId, eventId, Ct);
            }
            else if (descriptor.ModificationNumber > current.ModificationNumber)
            {
                await _vtn.ModifyEventAsync(VenId, eventId, ours => SetLevels(ours, recorded.EiEvent), Ct);
            }
        }
    }

    private static void SetLevels(EiEvent ours, EiEvent recorded)
    {
        for (var s = 0; s < recorded.EiEventSignals.Signals.Count; s++)
        {
            var recordedIntervals = recorded.EiEventSignals.Signals[s].Intervals.Items;
            var ourIntervals = ours.EiEventSignals.Signals[s].Intervals.Items;
            Assert.Equal(recordedIntervals.Count, ourIntervals.Count);
            for (var i = 0; i < recordedIntervals.Count; i++)
            {
                ourIntervals[i].StreamPayloads = [new SignalPayload { PayloadBase = new PayloadFloat { Value = Level(recordedIntervals[i]) } }];
            }
        }
    }

    private void SubstituteOurIds(OadrMessage request)
    {
        switch (request)
        {
            case OadrCreatedReport created:
                // OpenLEADR's reportRequestIDs (from its oadrRegisteredReport) → ours, matched by reportSpecifierID.
                created.OadrPendingReports.ReportRequestIds = created.OadrPendingReports.ReportRequestIds.ConvertAll(id => Ours(_reportRequestIds, id, "reportRequestID"));
                break;
            case OadrUpdateReport update:
                // Likewise for the reports' data.
                foreach (var report in update.OadrReports)
                {
                    report.ReportRequestId = Ours(_reportRequestIds, report.ReportRequestId, "reportRequestID");
                }

                break;
            case OadrCreatedEvent created:
                // The VEN answers the event it got: our eventID, the modificationNumber and requestID of our distribution.
                foreach (var response in created.EiCreatedEvent.EventResponses?.Responses ?? [])
                {
                    var eventId = Ours(_eventIds, response.QualifiedEventId.EventId, "eventID");
                    response.QualifiedEventId.EventId = eventId;
                    response.QualifiedEventId.ModificationNumber = _distributedModifications[eventId];
                    response.RequestId = Ours(_distributeRequestIds, response.RequestId, "oadrDistributeEvent requestID");
                }

                break;
        }
    }

    private static string Ours(Dictionary<string, string> map, string recorded, string what)
    {
        Assert.True(map.TryGetValue(recorded, out var ours), $"The recording uses {what} '{recorded}', which stands for nothing our VTN sent.");
        return ours;
    }

    private void AssertSameMeaning(RecordedExchange exchange, OadrMessage ours)
    {
        var recorded = exchange.RecordedAnswer;
        if (exchange.Request is OadrRequestEvent && recorded is OadrResponse recordedResponse)
        {
            // Intended: "no events" asked directly is an empty oadrDistributeEvent.
            var empty = Assert.IsType<OadrDistributeEvent>(ours);
            Assert.Empty(empty.OadrEvents);
            AssertSameResponse(recordedResponse.EiResponse, empty.EiResponse!);
            Assert.Equal(VtnId(), empty.VtnId);
            Assert.False(string.IsNullOrEmpty(empty.RequestId));
            return;
        }

        Assert.IsType(recorded.GetType(), ours);
        switch (recorded)
        {
            case OadrCreatedPartyRegistration r:
                AssertSameRegistration(r, (OadrCreatedPartyRegistration)ours);
                break;
            case OadrRegisteredReport r:
                AssertSameReportRequests(r, (OadrRegisteredReport)ours);
                break;
            case OadrResponse r:
                var response = (OadrResponse)ours;
                var expected = r.EiResponse.RequestId.Length == 0 && exchange.Request is OadrCreatedReport created
                    ? new EiResponse { ResponseCode = r.EiResponse.ResponseCode, RequestId = created.EiResponse.RequestId }
                    : r.EiResponse;
                AssertSameResponse(expected, response.EiResponse);
                Assert.Equal(Id(r.VenId), Id(response.VenId));
                break;
            case OadrUpdatedReport r:
                var updated = (OadrUpdatedReport)ours;
                AssertSameResponse(r.EiResponse, updated.EiResponse);
                Assert.Equal(Id(r.VenId), Id(updated.VenId));
                Assert.Equal(r.OadrCancelReport is null, updated.OadrCancelReport is null);
                break;
            case OadrDistributeEvent r:
                AssertSameEvents(r, (OadrDistributeEvent)ours);
                break;
            case OadrCanceledPartyRegistration r:
                var canceled = (OadrCanceledPartyRegistration)ours;
                AssertSameResponse(r.EiResponse, canceled.EiResponse);
                Assert.Equal(Id(r.RegistrationId), Id(canceled.RegistrationId));
                Assert.Equal(Id(r.VenId), Id(canceled.VenId));
                if (canceled.EiResponse.ResponseCode == "200")
                {
                    _registered = false;
                }

                break;
            case OadrRequestReregistration r:
                Assert.Equal(r.VenId, ((OadrRequestReregistration)ours).VenId);
                break;
            default:
                Assert.Fail($"The replay does not know how to compare {recorded.GetType().Name}.");
                break;
        }
    }

    private void AssertSameRegistration(OadrCreatedPartyRegistration recorded, OadrCreatedPartyRegistration ours)
    {
        AssertSameResponse(recorded.EiResponse, ours.EiResponse);
        Assert.Equal(Id(recorded.VenId), Id(ours.VenId));
        Assert.Equal(Id(recorded.RegistrationId), Id(ours.RegistrationId));
        Assert.Equal(recorded.VtnId, ours.VtnId);
        Assert.Equal(recorded.OadrRequestedOadrPollFreq, ours.OadrRequestedOadrPollFreq);
        Assert.Equal(Profiles(recorded), Profiles(ours));
        if (ours.VenId is { Length: > 0 } && ours.EiResponse.ResponseCode == "200")
        {
            _registered = true;
        }
    }

    private void AssertSameReportRequests(OadrRegisteredReport recorded, OadrRegisteredReport ours)
    {
        AssertSameResponse(recorded.EiResponse, ours.EiResponse);
        Assert.Equal(Id(recorded.VenId), Id(ours.VenId));
        Assert.Equal(recorded.OadrReportRequests.Count, ours.OadrReportRequests.Count);
        foreach (var request in recorded.OadrReportRequests)
        {
            var specifier = request.ReportSpecifier;
            var our = Assert.Single(ours.OadrReportRequests, r => r.ReportSpecifier.ReportSpecifierId == specifier.ReportSpecifierId);
            Assert.False(string.IsNullOrEmpty(our.ReportRequestId));
            Assert.DoesNotContain(our.ReportRequestId, _reportRequestIds.Values);
            Assert.Equal(specifier.Granularity, our.ReportSpecifier.Granularity);
            Assert.Equal(specifier.ReportBackDuration, our.ReportSpecifier.ReportBackDuration);
            Assert.Equal(specifier.ReportInterval is null, our.ReportSpecifier.ReportInterval is null);
            Assert.Equal(
                specifier.SpecifierPayloads.ConvertAll(p => p.RId).Order(StringComparer.Ordinal),
                our.ReportSpecifier.SpecifierPayloads.ConvertAll(p => p.RId).Order(StringComparer.Ordinal));
            Assert.All(our.ReportSpecifier.SpecifierPayloads, p => Assert.Equal("x-notApplicable", p.ReadingType));
            _reportRequestIds[request.ReportRequestId] = our.ReportRequestId;
        }
    }

    private void AssertSameEvents(OadrDistributeEvent recorded, OadrDistributeEvent ours)
    {
        AssertSameResponse(recorded.EiResponse!, ours.EiResponse!);
        Assert.False(string.IsNullOrEmpty(ours.RequestId));
        Assert.NotEqual("None", ours.RequestId);
        Assert.Equal(recorded.VtnId, ours.VtnId);
        Assert.Equal(recorded.OadrEvents.Count, ours.OadrEvents.Count);
        for (var e = 0; e < recorded.OadrEvents.Count; e++)
        {
            var expected = recorded.OadrEvents[e];
            var actual = ours.OadrEvents[e];
            var expectedDescriptor = expected.EiEvent.EventDescriptor;
            var actualDescriptor = actual.EiEvent.EventDescriptor;
            Assert.Equal(Ours(_eventIds, expectedDescriptor.EventId, "eventID"), actualDescriptor.EventId);
            Assert.Equal(expectedDescriptor.ModificationNumber, actualDescriptor.ModificationNumber);
            Assert.Equal(expectedDescriptor.EventStatus, actualDescriptor.EventStatus);
            Assert.Equal(expectedDescriptor.Priority ?? 0, actualDescriptor.Priority ?? 0);
            Assert.Equal(expectedDescriptor.EiMarketContext, actualDescriptor.EiMarketContext);
            Assert.Equal(expectedDescriptor.TestEvent ?? "false", actualDescriptor.TestEvent ?? "false");
            Assert.Equal(expected.OadrResponseRequired, actual.OadrResponseRequired);
            Assert.Equal(expected.EiEvent.EiActivePeriod.Properties.DtStart, actual.EiEvent.EiActivePeriod.Properties.DtStart);
            Assert.Equal(expected.EiEvent.EiActivePeriod.Properties.Duration, actual.EiEvent.EiActivePeriod.Properties.Duration);
            Assert.Equal(expected.EiEvent.EiTarget.VenIds, actual.EiEvent.EiTarget.VenIds);
            Assert.Equal(expected.EiEvent.EiEventSignals.Signals.Count, actual.EiEvent.EiEventSignals.Signals.Count);
            for (var s = 0; s < expected.EiEvent.EiEventSignals.Signals.Count; s++)
            {
                var expectedSignal = expected.EiEvent.EiEventSignals.Signals[s];
                var actualSignal = actual.EiEvent.EiEventSignals.Signals[s];
                Assert.Equal(expectedSignal.SignalName, actualSignal.SignalName);
                Assert.Equal(expectedSignal.SignalType, actualSignal.SignalType);
                Assert.Equal(
                    expectedSignal.Intervals.Items.ConvertAll(i => (i.Duration, Level(i))),
                    actualSignal.Intervals.Items.ConvertAll(i => (i.Duration, Level(i))));
            }

            _distributedModifications[actualDescriptor.EventId] = actualDescriptor.ModificationNumber;
        }

        _distributeRequestIds[recorded.RequestId] = ours.RequestId;
    }

    /// <summary>Same code; the requestID echoed, except OpenLEADR's literal "None", which must be "" in ours.</summary>
    private static void AssertSameResponse(EiResponse recorded, EiResponse ours)
    {
        Assert.Equal(recorded.ResponseCode, ours.ResponseCode);
        Assert.NotEqual("None", ours.RequestId);
        Assert.Equal(recorded.RequestId == "None" ? "" : recorded.RequestId, ours.RequestId);
    }

    private void AssertDataReachedTheCallbacks(OadrUpdateReport update)
    {
        var expected = new Dictionary<(string ReportRequestId, string RId), List<(DateTime, float?)>>();
        foreach (var report in update.OadrReports)
        {
            foreach (var interval in report.Intervals?.Items ?? [])
            {
                foreach (var payload in interval.StreamPayloads.OfType<OadrReportPayload>())
                {
                    var key = (report.ReportRequestId, payload.RId);
                    if (!expected.TryGetValue(key, out var points))
                    {
                        expected[key] = points = [];
                    }

                    points.Add((interval.DtStart!.Value, ((PayloadFloat)payload.PayloadBase).Value));
                    _readingsSent++;
                }
            }
        }

        Assert.Equal(expected.Keys.Order(), _reportData.ConvertAll(d => (d.ReportRequestId, d.RId)).Order());
        foreach (var data in _reportData)
        {
            Assert.Equal(VenId, data.VenId);
            Assert.Equal(expected[(data.ReportRequestId, data.RId)], data.Points.Select(p => (p.Start, p.Value)));
        }
    }

    private async Task AssertTheRunAsAWholeAsync()
    {
        var registration = Assert.Single(_registrations);
        var create = _recording.FirstRequest<OadrCreatePartyRegistration>();
        Assert.Equal(create.OadrVenName, registration.VenName);
        Assert.Equal(create.OadrTransportAddress, registration.TransportAddress);
        Assert.Equal(create.RequestId, registration.RequestId);
        Assert.True(registration.HttpPullModel);

        var stored = await _vtn.ReadReportDataAsync(VenId, cancellationToken: Ct);
        Assert.True(_readingsSent > 0);
        Assert.Equal(_readingsSent, stored.Count);
        Assert.All(stored, d => Assert.Contains(d.ReportRequestId, _reportRequestIds.Values));

        foreach (var exchange in _recording.Exchanges)
        {
            if (exchange.Request is OadrCreatedEvent created)
            {
                foreach (var response in created.EiCreatedEvent.EventResponses!.Responses)
                {
                    Assert.Contains((response.QualifiedEventId.EventId, response.OptType), _eventAnswers);
                }
            }
        }

        Assert.Empty(_vtn.GetRegisteredVens());
    }

    private string VtnId() => _vtn.Options.VtnId;

    private static float Level(Interval interval) =>
        ((PayloadFloat)Assert.IsType<SignalPayload>(Assert.Single(interval.StreamPayloads)).PayloadBase).Value;

    private static string? Id(string? id) => string.IsNullOrEmpty(id) ? null : id;

    private static List<(OadrProfileName, string)> Profiles(OadrCreatedPartyRegistration registration) =>
        registration.OadrProfiles.Profiles.ConvertAll(p => (p.OadrProfileName, string.Join(",", p.OadrTransports.Transports.ConvertAll(t => t.OadrTransportName))));
}
