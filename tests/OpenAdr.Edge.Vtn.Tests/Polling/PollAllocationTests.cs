using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using OpenAdr.Edge.Vtn.Handlers;
using OpenAdr.Edge.Vtn.Storage;
using OpenAdr.Edge.Vtn.Tests.Engine;
using OpenAdr.Edge.Vtn.Tests.Storage;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Polling;

/// <summary>The hot path: a registered VEN polls and nothing waits. It allocates nothing and never reaches the store.</summary>
public sealed class PollAllocationTests
{
    private const int Polls = 1000;

    [Fact]
    public async Task Polling_a_registered_VEN_with_an_empty_queue_allocates_nothing_and_touches_no_store()
    {
        using var database = new TempDatabase();
        var store = new CountingStore(await database.OpenAsync());
        await using var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "hot" }, store, cancellationToken: TestContext.Current.CancellationToken);
        vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-hot", "reg-hot"));
        Assert.IsType<OadrCreatedPartyRegistration>(await vtn.HandleAsync(Messages.CreatePartyRegistration("hot"), default, TestContext.Current.CancellationToken));
        Assert.IsType<OadrRegisterReport>(await vtn.HandleAsync(Messages.Poll("ven-hot"), default, TestContext.Current.CancellationToken));
        Assert.Equal(1, store.Loads);
        Assert.True(store.Commits > 0, "the decorator sees the registration's commits");

        var poll = Messages.Poll("ven-hot");
        var expected = Assert.IsType<OadrResponse>(await vtn.HandleAsync(poll, default, TestContext.Current.CancellationToken));
        Assert.Equal("200", expected.EiResponse.ResponseCode);

        var ct = TestContext.Current.CancellationToken;
        foreach (var context in new[] { default, new VenRequestContext(OpenAdrService.OadrPoll) })
        {
            Measure(vtn, [poll], [expected], context, rounds: Polls, ct); // warm-up: every path jitted and tiered
            var calls = store.Calls;
            var (allocated, synchronous, matching) = Measure(vtn, [poll], [expected], context, rounds: Polls, ct);

            Assert.Equal(Polls, synchronous);
            Assert.Equal(Polls, matching);
            Assert.Equal(0L, allocated);
            Assert.Equal(calls, store.Calls);
        }

        // The measurement does see allocations: a poll the VTN must answer with a new message (a stranger's) allocates.
        var stranger = Messages.Poll("ven-stranger");
        Measure(vtn, [stranger], [null], default, rounds: 10, ct);
        var (strangerAllocated, _, _) = Measure(vtn, [stranger], [null], default, rounds: 10, ct);
        Assert.True(strangerAllocated > 0, "a poll answered with a fresh oadrRequestReregistration allocates");
    }

    [Fact]
    public async Task With_10000_registered_VENs_each_empty_poll_still_allocates_nothing_and_touches_no_store()
    {
        using var database = new TempDatabase();
        const int venCount = 10_000;
        var venIds = new string[venCount];
        await using (var seed = await database.OpenAsync())
        {
            var changes = new List<StoreChange>(venCount);
            for (var i = 0; i < venCount; i++)
            {
                venIds[i] = $"ven-{i:D5}";
                changes.Add(new SaveVen(new VenRecord(
                    venIds[i], "reg-" + i, "VEN " + i, null, OadrProfileName.Oadr20b, OadrTransportName.SimpleHttp, null,
                    ReportOnly: false, XmlSignature: false, HttpPullModel: true, VtnHarness.Start)));
            }

            await seed.CommitAsync(changes, TestContext.Current.CancellationToken);
        }

        var store = new CountingStore(await database.OpenAsync());
        await using var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "crowd" }, store, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(venCount, vtn.GetRegisteredVens().Count);
        var polls = Array.ConvertAll(venIds, Messages.Poll);
        var expected = new OadrMessage?[venCount];
        for (var i = 0; i < venCount; i++)
        {
            expected[i] = Assert.IsType<OadrResponse>(await vtn.HandleAsync(polls[i], default, TestContext.Current.CancellationToken));
            Assert.Equal(venIds[i], ((OadrResponse)expected[i]!).VenId);
        }

        var ct = TestContext.Current.CancellationToken;
        Measure(vtn, polls, expected, default, rounds: 1, ct);
        var calls = store.Calls;
        var (allocated, synchronous, matching) = Measure(vtn, polls, expected, default, rounds: 3, ct);

        Assert.Equal(3 * venCount, synchronous);
        Assert.Equal(3 * venCount, matching);
        Assert.Equal(0L, allocated);
        Assert.Equal(calls, store.Calls);
    }

    [Fact]
    public async Task A_poll_with_something_queued_takes_the_full_path_and_the_store_hears_of_the_delivery()
    {
        using var database = new TempDatabase();
        var store = new CountingStore(await database.OpenAsync());
        await using var vtn = await OpenAdrVtn.OpenAsync(new VtnOptions { VtnId = "queued" }, store, cancellationToken: TestContext.Current.CancellationToken);
        vtn.OnCreatePartyRegistration = info => ValueTask.FromResult<AcceptedRegistration?>(new AcceptedRegistration("ven-q", "reg-q"));
        await vtn.HandleAsync(Messages.CreatePartyRegistration("q"), default, TestContext.Current.CancellationToken);

        var commits = store.Commits;
        Assert.IsType<OadrRegisterReport>(await vtn.HandleAsync(Messages.Poll("ven-q"), default, TestContext.Current.CancellationToken));
        Assert.Equal(commits + 1, store.Commits); // the queue entry's removal, stored in the background
    }

    /// <summary>
    /// Polls each message <paramref name="rounds"/> times, in each of several runs, and returns the bytes this thread
    /// allocated in the least run (<see cref="ThreadAllocation"/>), how many polls completed synchronously and how many
    /// answered the expected (cached) message, per run on average.
    /// </summary>
    private static (long Allocated, int Synchronous, int Matching) Measure(
        OpenAdrVtn vtn, OadrPoll[] polls, OadrMessage?[] expected, VenRequestContext context, int rounds, CancellationToken cancellationToken)
    {
        const int runs = 3;
        var synchronous = 0;
        var matching = 0;
        var allocated = ThreadAllocation.LeastOf(runs, () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < polls.Length; i++)
                {
                    var pending = vtn.HandleAsync(polls[i], context, cancellationToken);
                    if (pending.IsCompletedSuccessfully)
                    {
                        synchronous++;
                        if (ReferenceEquals(pending.Result, expected[i]))
                        {
                            matching++;
                        }
                    }
                }
            }
        });

        return (allocated, synchronous / runs, matching / runs);
    }
}

/// <summary>Counts every call into the store it wraps.</summary>
internal sealed class CountingStore(IVtnStore inner) : IVtnStore
{
    private int _loads;
    private int _commits;
    private int _reads;

    public int Loads => Volatile.Read(ref _loads);

    public int Commits => Volatile.Read(ref _commits);

    public int Calls => Loads + Commits + Volatile.Read(ref _reads);

    public Task LoadAsync(IStoredStateReceiver receiver, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        return inner.LoadAsync(receiver, cancellationToken);
    }

    public Task CommitAsync(IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return inner.CommitAsync(changes, cancellationToken);
    }

    public Task<IReadOnlyList<ReportDataRecord>> ReadReportDataAsync(string venId, int limit, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadReportDataAsync(venId, limit, cancellationToken);
    }

    public Task<IReadOnlyList<EventResponseRecord>> ReadEventResponsesAsync(string venId, string eventId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadEventResponsesAsync(venId, eventId, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
