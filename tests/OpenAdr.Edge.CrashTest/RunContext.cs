using System;
using System.Collections.Concurrent;
using System.Threading;

namespace OpenAdr.Edge.CrashTest;

/// <summary>One life of the binary as the load workers see it: where it listens, and whether it has been killed.</summary>
internal sealed class RunContext(int number, EdgeProcess edge, OperatorApi api, Ledger ledger, ConcurrentQueue<string> violations, CancellationToken cancellation)
{
    private volatile bool _killed;

    public int Number { get; } = number;

    public EdgeProcess Edge { get; } = edge;

    public OperatorApi Operator { get; } = api;

    public Ledger Ledger { get; } = ledger;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Set before the SIGKILL: from then on a failed request is the kill's doing, not a finding.</summary>
    public bool Killed => _killed;

    public void MarkKilled() => _killed = true;

    public void Violation(string what) => violations.Enqueue($"run {Number}: {what}");
}
