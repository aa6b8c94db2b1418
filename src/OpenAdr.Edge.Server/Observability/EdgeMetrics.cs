using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using OpenAdr.Edge.Vtn;

namespace OpenAdr.Edge.Server.Observability;

/// <summary>Counters of what the OpenADR endpoints answered, and the Prometheus text of everything <c>/metrics</c> shows.</summary>
public sealed class EdgeMetrics
{
    private readonly ConcurrentDictionary<(string Message, string Answer, string Code), Counter> _answers = new();
    private readonly ConcurrentDictionary<int, Counter> _refusals = new();

    // Nearly every request is an empty poll: its counter is a field, not a dictionary lookup.
    private readonly Counter _emptyPolls;

    public EdgeMetrics() => _emptyPolls = _answers.GetOrAdd(("oadrPoll", "oadrResponse", "200"), new Counter());

    internal void Answered(string message, string answer, string code)
    {
        var counter = message == "oadrPoll" && answer == "oadrResponse" && code == "200"
            ? _emptyPolls
            : _answers.GetOrAdd((message, answer, code), static _ => new Counter());
        Interlocked.Increment(ref counter.Value);
    }

    internal void Refused(int httpStatus) => Interlocked.Increment(ref _refusals.GetOrAdd(httpStatus, static _ => new Counter()).Value);

    internal string Render(OpenAdrVtn vtn, MeasuredStore? store)
    {
        var text = new StringBuilder(2048);
        Metric(text, "openadr_polls_total", "counter", "oadrPoll requests answered.");
        Sample(text, "openadr_polls_total", "", _answers.Sum(static answer => answer.Key.Message == "oadrPoll" ? Interlocked.Read(ref answer.Value.Value) : 0));
        Metric(text, "openadr_answers_total", "counter", "OpenADR requests answered, by message, answer and response code.");
        foreach (var ((message, answer, code), counter) in _answers)
        {
            Sample(text, "openadr_answers_total", $"message=\"{message}\",answer=\"{answer}\",code=\"{code}\"", Interlocked.Read(ref counter.Value));
        }

        Metric(text, "openadr_http_refusals_total", "counter", "Requests refused at the HTTP level, by status.");
        foreach (var (status, counter) in _refusals)
        {
            Sample(text, "openadr_http_refusals_total", $"status=\"{status}\"", Interlocked.Read(ref counter.Value));
        }

        var registered = 0;
        var seen = 0;
        long queued = 0;
        long events = 0;
        var seenSince = DateTime.UtcNow - vtn.Options.RequestedPollFrequency * 2;
        foreach (var ven in vtn.GetVens())
        {
            registered += ven.Registration is null ? 0 : 1;
            seen += ven.LastSeen >= seenSince ? 1 : 0;
            queued += ven.QueueDepth;
            events += ven.OpenEvents;
        }

        Gauge(text, "openadr_vens_registered", "Registered VENs.", registered);
        Gauge(text, "openadr_vens_seen_recently", "VENs heard from within two poll periods.", seen);
        Gauge(text, "openadr_queued_messages", "Messages waiting in all VEN queues.", queued);
        Gauge(text, "openadr_open_events", "Open events of all VENs.", events);
        if (store is not null)
        {
            Metric(text, "openadr_commit_seconds", "summary", "Time from a change to its durable commit.");
            text.Append(CultureInfo.InvariantCulture, $"openadr_commit_seconds_sum {store.CommitSeconds:0.######}\n");
            text.Append(CultureInfo.InvariantCulture, $"openadr_commit_seconds_count {store.Commits}\n");
            Metric(text, "openadr_report_points_stored_total", "counter", "Report data points stored.");
            Sample(text, "openadr_report_points_stored_total", "", store.ReportPointsStored);
        }

        var gc = GC.GetGCMemoryInfo();
        Gauge(text, "dotnet_gc_heap_bytes", "Managed heap size after the last garbage collection.", gc.HeapSizeBytes);
        Gauge(text, "dotnet_gc_committed_bytes", "Memory the garbage collector has committed.", gc.TotalCommittedBytes);
        Gauge(text, "process_resident_memory_bytes", "Resident set size.", Environment.WorkingSet);
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, long value)
    {
        Metric(text, name, "gauge", help);
        Sample(text, name, "", value);
    }

    private static void Metric(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string labels, long value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private sealed class Counter
    {
        public long Value;
    }
}
