using System;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTime start) : TimeProvider
{
    private DateTimeOffset _now = new(DateTime.SpecifyKind(start, DateTimeKind.Utc));

    public DateTime UtcNow => _now.UtcDateTime;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
