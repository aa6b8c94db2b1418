using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace OpenAdr.Edge.Vtn.Vens;

/// <summary>Every venID the VTN holds state for. venIDs are compared case-sensitively .</summary>
internal sealed class VenDirectory(int queueCapacity)
{
    private readonly ConcurrentDictionary<string, VenState> _vens = new(System.StringComparer.Ordinal);

    public bool TryGet(string venId, [NotNullWhen(true)] out VenState? state) => _vens.TryGetValue(venId, out state);

    public VenState GetOrAdd(string venId) => _vens.GetOrAdd(venId, static (id, capacity) => new VenState(id, capacity), queueCapacity);

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
