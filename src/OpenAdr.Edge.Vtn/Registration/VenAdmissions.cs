using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Registration;

/// <summary>
/// Admission decisions by VEN name, kept in the store: which VENs an operator allowed or denied, and which asked to
/// register and wait for a decision. The engine itself does not consult them: a registration handler does (the
/// <c>openadr-edge</c> binary's default policy does).
/// </summary>
public sealed class VenAdmissions
{
    private readonly OpenAdrVtn _vtn;
    private readonly ConcurrentDictionary<string, AdmissionRecord> _byName = new(StringComparer.Ordinal);

    internal VenAdmissions(OpenAdrVtn vtn) => _vtn = vtn;

    public AdmissionRecord? Find(string venName) => _byName.TryGetValue(venName, out var admission) ? admission : null;

    public IReadOnlyList<AdmissionRecord> All
    {
        get
        {
            var all = new List<AdmissionRecord>(_byName.Values);
            all.Sort(static (a, b) => string.CompareOrdinal(a.VenName, b.VenName));
            return all;
        }
    }

    /// <summary>Records a decision (or a pending request), durably, before it counts.</summary>
    public async ValueTask<AdmissionRecord> SetAsync(string venName, AdmissionState state, string? fingerprint = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(venName);
        var admission = new AdmissionRecord(venName, state, fingerprint, _vtn.Now);
        await _vtn.CommitAsync([new SaveAdmission(admission)], cancellationToken).ConfigureAwait(false);
        _byName[venName] = admission;
        return admission;
    }

    public async ValueTask<bool> RemoveAsync(string venName, CancellationToken cancellationToken = default)
    {
        if (!_byName.ContainsKey(venName))
        {
            return false;
        }

        await _vtn.CommitAsync([new DeleteAdmission(venName)], cancellationToken).ConfigureAwait(false);
        return _byName.TryRemove(venName, out _);
    }

    internal void Restore(AdmissionRecord admission) => _byName[admission.VenName] = admission;
}
