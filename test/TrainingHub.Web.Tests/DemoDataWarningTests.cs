using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Demo accounts outside Development are there only when turned on, and then the log says so at every start.</summary>
public sealed class DemoDataWarningTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public void Demo_data_outside_development_is_announced_in_the_log(string environment, bool warned)
    {
        using var app = new TrainingHubApp { Environment = environment };
        var log = new RecordingLog();
        using var started = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));

        started.CreateClient();

        Assert.Equal(warned, log.Warnings.Any(w => w.Contains("Demo data is turned on outside Development (DemoData:Enabled=true)")));
    }

    private sealed class RecordingLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
