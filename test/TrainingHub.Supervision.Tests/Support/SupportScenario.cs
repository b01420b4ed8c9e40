using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Events;
using TrainingHub.Supervision.Data;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace TrainingHub.Supervision.Tests.Support;

/// <summary>
/// The supervision module with the demo people (the demo supervisor supervises the demo learner and three others), a
/// notifier that records what it is asked to send, and requests for a supportive conversation as the check-in module
/// publishes them.
/// </summary>
internal sealed class SupportScenario : IAsyncDisposable
{
    public static readonly IReadOnlyList<SharedScore> HighPersonalScore =
        [new("personal", "Особисте вигорання", "Personal burnout", 75m, true), new("work", "Вигорання, пов'язане з роботою", "Work-related burnout", 25m, false)];

    private SupportScenario(ModuleTestHost host, FakeTimeProvider clock, RecordingNotifier notifier) => (Host, Clock, Notifier) = (host, clock, notifier);

    public ModuleTestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingNotifier Notifier { get; }

    public static async Task<SupportScenario> StartAsync(ITestDatabaseServer server)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var notifier = new RecordingNotifier();
        var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton<INotifier>(notifier));
        return new SupportScenario(host, clock, notifier);
    }

    public async Task<Guid> PersonAsync(string email) => (await Host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;

    /// <summary>
    /// Saves the event in an outbox, as the check-in module does with the person's record of asking; the dispatcher
    /// delivers an event by its name, whichever module's outbox holds it, so the supervision module's stands in here.
    /// </summary>
    public async Task<ConversationRequested> AskAsync(string email, IReadOnlyList<SharedScore>? scores = null, string? note = null)
    {
        var requested = new ConversationRequested(Guid.NewGuid(), await PersonAsync(email), scores, note, Clock.GetUtcNow());
        await using var db = Host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        db.Publish(requested, Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return requested;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
