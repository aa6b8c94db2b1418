using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using OpenAdr.Edge.Server.Operator;

namespace OpenAdr.Edge.Server.Cli;

/// <summary><c>openadr-edge event ...</c>: demand-response events, created for one or more VENs, listed and cancelled per VEN.</summary>
internal static class EventCommands
{
    public static Command Create(OperatorConnection connection)
    {
        var events = connection.Group("event", "Demand-response events: each VEN hears of a new or changed event at its next poll");
        events.Add(CreateCommand(connection));
        events.Add(List(connection));
        events.Add(Cancel(connection));
        return events;
    }

    private static Command CreateCommand(OperatorConnection connection)
    {
        var vens = new Option<string[]>("--ven")
        {
            Description = "A VEN to send the event to (repeat, or list several): each gets its own copy",
            HelpName = "venId",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var signal = new Option<string>("--signal") { Description = "The signal name", HelpName = "name", DefaultValueFactory = _ => "SIMPLE" };
        var type = new Option<string>("--type") { Description = "The signal type (level, price, delta, setpoint, multiplier, ...)", HelpName = "type", DefaultValueFactory = _ => "level" };
        var start = CliValues.TimeOption("--start", "When the first interval starts");
        var duration = CliValues.DurationOption("--duration", "How long the first interval lasts");
        var value = new Option<float?>("--value") { Description = "The first interval's value (SIMPLE: 0 normal, 1 moderate, 2 high, 3 special)", HelpName = "n" };
        var intervals = new Option<string[]>("--interval")
        {
            Description = "One more interval as start,duration,value (repeat); an empty start follows the previous interval",
            HelpName = "start,duration,value",
        };
        intervals.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!TryParseInterval(token.Value, out _, out var error))
                {
                    result.AddError(error);
                }
            }
        });
        var priority = new Option<uint?>("--priority") { Description = "The event's priority (0 none, 1 highest)", HelpName = "n" };
        var marketContext = new Option<string>("--market-context") { Description = "The market context [default: oadr://unknown.context]", HelpName = "uri" };
        var rampUp = CliValues.DurationOption("--ramp-up", "Ramp-up period before the start");
        var recovery = CliValues.DurationOption("--recovery", "Recovery period after the end");
        var notification = CliValues.DurationOption("--notification", "Notification period: how long before the start the event is announced");
        var responseRequired = new Option<string>("--response-required") { Description = "Whether the VEN answers with optIn/optOut", DefaultValueFactory = _ => "always" };
        responseRequired.AcceptOnlyFromAmong("always", "never");
        var eventId = new Option<string>("--event-id") { Description = "The eventID [default: a new one]", HelpName = "id" };

        var command = new Command("create",
            "Create a single-signal event: --start, --duration and --value give its first interval, each --interval one more "
            + "(e.g. --start now+00:10:00 --duration 00:30:00 --value 2 --interval ,00:30:00,1)")
        {
            vens, signal, type, start, duration, value, intervals, priority, marketContext, rampUp, recovery, notification, responseRequired, eventId,
        };
        command.Validators.Add(result =>
        {
            if (CliValues.TryGetValue(result, start, out var first) && CliValues.TryGetValue(result, duration, out var length)
                && CliValues.TryGetValue(result, value, out var level) && CliValues.TryGetValue(result, intervals, out var more)
                && !TryBuildIntervals(first, length, level, more ?? [], out _, out var error))
            {
                result.AddError(error);
            }
        });
        connection.SetAction(command, async call =>
        {
            TryBuildIntervals(call.Get(start), call.Get(duration), call.Get(value), call.Get(intervals) ?? [], out var planned, out _);
            var request = new CreateEventRequest(call.Get(vens) ?? [], call.Get(signal) ?? "SIMPLE", call.Get(type) ?? "level", planned,
                EventId: call.Get(eventId), ResponseRequired: call.Get(responseRequired) ?? "always", Priority: call.Get(priority) ?? 0,
                NotificationPeriod: call.Get(notification), RampUpPeriod: call.Get(rampUp), RecoveryPeriod: call.Get(recovery));
            if (call.Get(marketContext) is { } context)
            {
                request = request with { MarketContext = context };
            }

            var created = await call.Client.CreateEventAsync(request, call.CancellationToken).ConfigureAwait(false);
            await call.PrintAsync(created, static (events, output) =>
            {
                var table = new TextTable("VEN ID", "EVENT ID");
                foreach (var created in events)
                {
                    table.Add(created.VenId, created.EventId);
                }

                table.WriteTo(output, "No event created.");
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command List(OperatorConnection connection)
    {
        var ven = new Option<string>("--ven") { Description = "The VEN whose events to list", HelpName = "venId", Required = true };
        var command = new Command("list", "A VEN's events as they would be sent now, with its answers (optIn/optOut)") { ven };
        connection.SetAction(command, async call => await call.PrintAsync(await call.Client.GetEventsAsync(call.Get(ven)!, call.CancellationToken).ConfigureAwait(false), static (events, output) =>
        {
            var table = new TextTable("EVENT ID", "STATUS", "MOD", "START", "DURATION", "PRIORITY", "SIGNAL", "VALUES", "OPT");
            foreach (var shown in events)
            {
                table.Add(shown.EventId, shown.Status, TextTable.Number(shown.ModificationNumber), TextTable.Time(shown.Start), TextTable.Duration(shown.Duration),
                    TextTable.Number(shown.Priority),
                    string.Join("; ", shown.Signals.Select(s => s.SignalName + " " + s.SignalType)),
                    string.Join("; ", shown.Signals.Select(s => string.Join(",", s.Intervals.Select(i => TextTable.Number(i.Value))))),
                    shown.Opt is null ? null : shown.OptSource is null ? shown.Opt : $"{shown.Opt} ({shown.OptSource})");
            }

            table.WriteTo(output, "No events.");
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Cancel(OperatorConnection connection)
    {
        var venId = new Argument<string>("venId") { Description = "The VEN" };
        var eventId = new Argument<string>("eventId") { Description = "Its event (see 'event list')" };
        var command = new Command("cancel", "Cancel a VEN's event: the VEN hears of it at its next poll") { venId, eventId };
        connection.SetAction(command, async call =>
        {
            await call.Client.CancelEventAsync(call.Get(venId), call.Get(eventId), call.CancellationToken).ConfigureAwait(false);
            await call.SayAsync($"Cancelled event '{call.Get(eventId)}' of VEN '{call.Get(venId)}' (the VEN hears of it at its next poll).").ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The intervals from --start/--duration/--value and each --interval, every start filled in.</summary>
    internal static bool TryBuildIntervals(DateTime? start, TimeSpan? duration, float? value, string[] more, out List<IntervalDto> intervals, out string error)
    {
        intervals = [];
        error = "";
        if (duration is null != value is null)
        {
            error = "--duration and --value go together.";
            return false;
        }

        if (duration is { } firstDuration)
        {
            if (start is not { } firstStart)
            {
                error = "--start is required with --duration and --value.";
                return false;
            }

            intervals.Add(new IntervalDto(firstStart, firstDuration, value!.Value));
        }

        foreach (var text in more)
        {
            if (!TryParseInterval(text, out var interval, out error))
            {
                return false;
            }

            var next = interval.Start ?? (intervals.Count > 0 ? intervals[^1].Start + intervals[^1].Duration : start);
            if (next is not { } intervalStart)
            {
                error = $"--interval '{text}' has no start, and there is no --start or earlier interval to follow.";
                return false;
            }

            intervals.Add(new IntervalDto(intervalStart, interval.Duration, interval.Value));
        }

        if (intervals.Count == 0)
        {
            error = "An event needs an interval: --start, --duration and --value, or --interval start,duration,value.";
            return false;
        }

        return true;
    }

    private static bool TryParseInterval(string text, out (DateTime? Start, TimeSpan Duration, float Value) interval, out string error)
    {
        interval = default;
        error = $"--interval '{text}' is not start,duration,value (start: {CliValues.TimeHelp}, or empty; duration: {CliValues.DurationHelp}).";
        if (text.Split(',') is not [var start, var duration, var value])
        {
            return false;
        }

        DateTime? at = null;
        if (start.Length > 0)
        {
            if (!CliValues.TryParseTime(start, out var parsed))
            {
                return false;
            }

            at = parsed;
        }

        if (!CliValues.TryParseDuration(duration, out var length) || !float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        interval = (at, length, number);
        error = "";
        return true;
    }
}
