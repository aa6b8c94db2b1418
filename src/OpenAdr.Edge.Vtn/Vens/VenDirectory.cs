using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace OpenAdr.Edge.Vtn.Vens;

/// <summary>Every venID the VTN holds state for. venIDs are compared case-sensitively .</summary>
internal sealed class VenDirectory(int queueCapacity)
{
    private readonly ConcurrentDictionary<string, VenState> _vens = new(System.StringComparer.Ordinal);

    // Requests carry pooled venIDs: the same string instance every time a VEN polls. Found by that instance, a VEN
    // costs one read of this table (two slots in one cache line) instead of hashing the ID and walking the
    // dictionary, three cache misses at 10,000 VENs. A VEN is never removed, so a slot can be stale but never
    // wrong: it is trusted only when its VEN was last looked up by this very instance, and each such instance
    // equals the VEN's venID.
    private VenState?[] _byInstance = new VenState?[1024];
    private int _count;

    public bool TryGet(string venId, [NotNullWhen(true)] out VenState? state)
    {
        var byInstance = _byInstance;
        ref var first = ref byInstance[RuntimeHelpers.GetHashCode(venId) & (byInstance.Length - 2)];
        ref var second = ref Unsafe.Add(ref first, 1);
        state = Volatile.Read(ref first);
        if (state is not null && ReferenceEquals(state.LookedUpAs, venId))
        {
            return true;
        }

        state = Volatile.Read(ref second);
        if (state is not null && ReferenceEquals(state.LookedUpAs, venId))
        {
            return true;
        }

        if (!_vens.TryGetValue(venId, out state))
        {
            return false;
        }

        state.RememberLookup(venId);
        Volatile.Write(ref second, Volatile.Read(ref first));
        Volatile.Write(ref first, state);
        return true;
    }

    public VenState GetOrAdd(string venId)
    {
        if (_vens.TryGetValue(venId, out var state))
        {
            return state;
        }

        var created = new VenState(venId, queueCapacity);
        if (!_vens.TryAdd(venId, created))
        {
            return _vens[venId];
        }

        if (Interlocked.Increment(ref _count) > _byInstance.Length / 2)
        {
            _byInstance = new VenState?[_byInstance.Length * 2];
        }

        return created;
    }

    public IEnumerable<VenState> All => _vens.Values;

    /// <summary>The registered VEN whose registration carries this TLS fingerprint, if any.</summary>
    public VenState? FindByFingerprint(string fingerprint)
    {
        foreach (var state in _vens.Values)
        {
            if (state.Registration?.Fingerprint is { } known && Fingerprints.AreEqual(known, fingerprint))
            {
                return state;
            }
        }

        return null;
    }

    public VenState? FindByRegistrationId(string registrationId)
    {
        foreach (var state in _vens.Values)
        {
            if (state.Registration?.RegistrationId == registrationId)
            {
                return state;
            }
        }

        return null;
    }
}
