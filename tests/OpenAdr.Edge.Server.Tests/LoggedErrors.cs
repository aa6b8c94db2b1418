using System;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>Every error the application logs from now on (an unhandled exception in a request, say), as text.</summary>
internal sealed class LoggedErrors : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _errors = new();

    public static LoggedErrors Of(WebApplication app)
    {
        var errors = new LoggedErrors();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        return errors;
    }

    public string[] ToArray() => _errors.ToArray();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
        {
            _errors.Enqueue(formatter(state, exception) + " " + exception);
        }
    }

    public void Dispose()
    {
    }
}
