using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAdr.Edge.Payloads;

namespace OpenAdr.Edge.Vtn.Handlers;

/// <summary>
/// One data point a VEN offers in its METADATA report: the compact form of OpenLEADR's <c>on_register_report</c>
/// (<c>ven_id, resource_id, measurement, unit, scale, min_sampling_interval, max_sampling_interval</c>).
/// </summary>
public sealed record ReportOffer(
    string VenId,
    string ReportName,
    string ReportSpecifierId,
    string RId,
    string? ResourceId,
    string Measurement,
    string? Unit,
    string? Scale,
    TimeSpan MinSamplingInterval,
    TimeSpan MaxSamplingInterval);

/// <summary>Accepting an offered data point: where its data goes, and how often it is sampled and sent.</summary>
/// <param name="ReportingInterval">How often the VEN sends; the sampling interval when null.</param>
public sealed record ReportSubscription(ReportCallback Callback, TimeSpan SamplingInterval, TimeSpan? ReportingInterval = null);

/// <summary>Accepting one rID of a report offered in full form.</summary>
public sealed record ReportRIdSubscription(string RId, ReportCallback Callback, TimeSpan SamplingInterval, TimeSpan? ReportingInterval = null);

/// <summary>Receives the data of one subscribed data point, as OpenLEADR's per-rID callbacks do.</summary>
public delegate ValueTask ReportCallback(ReportData data);

/// <summary>Data a VEN sent for one data point (rID) of one report request, oldest first.</summary>
public sealed record ReportData(string VenId, string ReportRequestId, string RId, IReadOnlyList<ReportPoint> Points);

/// <summary>One reading: a number (payloadFloat), or a resource status (TELEMETRY_STATUS).</summary>
public readonly record struct ReportPoint(DateTime Start, TimeSpan? Duration, float? Value, OadrPayloadResourceStatus? Status);
