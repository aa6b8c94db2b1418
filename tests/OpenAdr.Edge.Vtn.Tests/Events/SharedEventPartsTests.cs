using System;
using System.Collections.Generic;
using System.Linq;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Events;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Events;

public sealed class SharedEventPartsTests
{
    private static readonly DateTime s_start = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Parts_of_one_VENs_own_event_do_not_push_out_what_the_VENs_before_it_share()
    {
        // Alike events for 2,000 VENs, each followed by an event whose active period is a VEN's own. With one slot per
        // part, every own period has a 1 in 256 chance to land on the shared one's slot: about eight evictions, each
        // starting a new copy. A part that VENs share gives way only when both its slots hold shared parts.
        var shared = new SharedEventParts();
        var periods = new List<EiActivePeriod>();
        for (var i = 0; i < 2000; i++)
        {
            var alike = Event(s_start);
            shared.Share(alike, "ven-alike-" + i);
            periods.Add(alike.EiEvent.EiActivePeriod);
            shared.Share(Event(s_start.AddMinutes(i + 1)), "ven-own-" + i);
        }

        Assert.InRange(periods.Distinct(ReferenceEqualityComparer.Instance).Count(), 1, 3);
    }

    private static OadrEvent Event(DateTime start) => EventStatusTests.RawEvent("e", start, TimeSpan.FromMinutes(10));
}
