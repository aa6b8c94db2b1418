using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAdr.Edge.Payloads;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>Beyond <c>OpenAdr:MaxConcurrentRequests</c>: 503 with Retry-After, and a log that does not grow with the refusals.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task Refusals_under_overload_are_logged_once_with_their_count_not_once_per_request()
    {
        await using var server = await EdgeServer.StartAsync("--OpenAdr:MaxConcurrentRequests", "0");
        var log = new RecordingProvider();
        server.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var poll = EdgeServer.Write(new OadrPoll { VenId = "ven-overload" });

        for (var i = 0; i < 20; i++)
        {
            var response = await server.PostAsync("OadrPoll", poll);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }

        // The first refusal is said at once; the next ones are counted into the following line, at most one per 10 s.
        var line = Assert.Single(log.Entries, e => e.Id == 3003);
        Assert.Contains("1 requests answered 503", line.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingProvider : ILoggerProvider, ILogger
    {
        private readonly List<(int Id, string Message)> _entries = [];

        public IReadOnlyList<(int Id, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((eventId.Id, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
