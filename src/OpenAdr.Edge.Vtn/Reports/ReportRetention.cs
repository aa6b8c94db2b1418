using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Reports;

/// <summary>
/// Deletes report data older than <see cref="VtnOptions.ReportRetention"/>, in small transactions so that VENs'
/// writes interleave with it. Runs from housekeeping, never twice at once.
/// </summary>
internal sealed partial class ReportRetention(OpenAdrVtn vtn)
{
    private const int RowsPerTransaction = 5_000;
    private int _running;

    public void Start()
    {
        if (vtn.Options.ReportRetention is not { } retention || Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        _ = RunAsync(vtn.Now - retention);
    }

    /// <summary>Deletes everything received before the cutoff; returns how many points went.</summary>
    public async Task<long> DeleteBeforeAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        long total = 0;
        DeleteReportData batch;
        do
        {
            batch = new DeleteReportData(cutoff, RowsPerTransaction);
            await vtn.CommitAsync([batch], cancellationToken).ConfigureAwait(false);
            total += batch.Deleted;
        }
        while (batch.Deleted == RowsPerTransaction);

        return total;
    }

    private async Task RunAsync(DateTime cutoff)
    {
        try
        {
            var deleted = await DeleteBeforeAsync(cutoff).ConfigureAwait(false);
            if (deleted > 0)
            {
                Log.Deleted(vtn.Logger, deleted, cutoff);
            }
        }
        catch (StoreUnavailableException)
        {
            // The store says once that writing stopped, and again when it resumes; housekeeping tries again then.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Failed(vtn.Logger, e);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1450, LogLevel.Information, "Deleted {Points} report data points received before {Cutoff:O} (report retention).")]
        public static partial void Deleted(ILogger logger, long points, DateTime cutoff);

        [LoggerMessage(1451, LogLevel.Warning, "Deleting old report data failed; housekeeping tries again.")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
