using System;
using System.Collections.Generic;

namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>
/// The ReplayProtect check (§10.6): a timestamp within <see cref="Window"/> of the clock (either side, for clock skew)
/// and a nonce not seen while a message carrying it could still be fresh. Thread-safe; it remembers at most
/// <see cref="Capacity"/> nonces and forgets each once its message's timestamp has left the window.
/// </summary>
public sealed class ReplayGuard
{
    private readonly Dictionary<string, long> _expiries = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, long> _byExpiry = new();
    private readonly TimeProvider _time;

    public ReplayGuard(TimeSpan window, TimeProvider? time = null, int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Window = window;
        Capacity = capacity;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How far a timestamp may be from now (OpenLEADR: 5 s).</summary>
    public TimeSpan Window { get; }

    public int Capacity { get; }

    /// <summary>Nonces remembered now (expired ones are dropped on the next admission).</summary>
    public int Count
    {
        get
        {
            lock (_expiries)
            {
                return _expiries.Count;
            }
        }
    }

    /// <summary>Admits a (timestamp, nonce) pair once: <see cref="SignatureStatus.Valid"/>, or why not.</summary>
    public SignatureStatus Admit(DateTime timestampUtc, string nonce)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var now = _time.GetUtcNow().UtcTicks;
        var timestamp = timestampUtc.Kind == DateTimeKind.Local ? timestampUtc.ToUniversalTime().Ticks : timestampUtc.Ticks;
        if (Math.Abs(now - timestamp) > Window.Ticks)
        {
            return SignatureStatus.Stale;
        }

        var expiry = timestamp + Window.Ticks;
        lock (_expiries)
        {
            while (_byExpiry.TryPeek(out var old, out var oldExpiry) && oldExpiry < now)
            {
                _byExpiry.Dequeue();
                if (_expiries.TryGetValue(old, out var current) && current == oldExpiry)
                {
                    _expiries.Remove(old);
                }
            }

            if (_expiries.ContainsKey(nonce))
            {
                return SignatureStatus.Replayed;
            }

            if (_expiries.Count >= Capacity)
            {
                return SignatureStatus.ReplayCacheFull;
            }

            _expiries.Add(nonce, expiry);
            _byExpiry.Enqueue(nonce, expiry);
            return SignatureStatus.Valid;
        }
    }
}
