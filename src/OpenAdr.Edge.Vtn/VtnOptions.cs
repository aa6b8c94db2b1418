using System;

namespace OpenAdr.Edge.Vtn;

/// <summary>How the VTN presents itself to VENs (the constructor arguments of OpenLEADR's <c>OpenADRServer</c>).</summary>
public sealed class VtnOptions
{
    /// <summary>Put into every answer's <c>ei:vtnID</c>.</summary>
    public required string VtnId { get; init; }

    /// <summary>Sent as <c>oadrRequestedOadrPollFreq</c> to pull VENs.</summary>
    public TimeSpan RequestedPollFrequency { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many VTN-initiated messages may wait for one VEN before further requests are refused.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>
    /// How many times a cancelled event that requires a response is sent again while the VEN does not acknowledge
    /// the cancellation, before it is dropped.
    /// </summary>
    public int CancelledEventDeliveries { get; init; } = 5;

    /// <summary>How often the VTN looks for events that completed, to report them once more and drop them.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long report data is kept (by when it arrived); housekeeping deletes older points. Null keeps everything.</summary>
    public TimeSpan? ReportRetention { get; init; } = TimeSpan.FromDays(30);
}
