using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Notifications.Data;
using TrainingHub.Notifications.Domain;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.TestKit;

namespace TrainingHub.Notifications.Tests;

/// <summary>People the Notifications module can write to, without the Accounts module behind them.</summary>
internal sealed class FakePeople : IPeopleLookup
{
    private readonly Dictionary<Guid, PersonContact> _people = [];

    public PersonContact Add(string fullName, string culture = Cultures.Ukrainian, bool active = true)
    {
        var id = Guid.NewGuid();
        var person = new PersonContact(id, fullName, $"{id:N}@traininghub.example", culture, active);
        _people[id] = person;
        return person;
    }

    public void Add(PersonContact person) => _people[person.Id] = person;

    public Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.Values.FirstOrDefault(p => p.Email == email));

    public Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonContact>>([.. personIds.Distinct().Where(_people.ContainsKey).Select(id => _people[id])]);
}

/// <summary>The Notifications module on a fresh database, with a clock the test moves and people it makes up.</summary>
internal sealed class NotificationsHost : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 in Kyiv (UTC+2 in winter): outside the default quiet hours.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private NotificationsHost(ModuleTestHost host, FakeTimeProvider clock, FakePeople people)
    {
        Host = host;
        Clock = clock;
        People = people;
    }

    public ModuleTestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public FakePeople People { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<NotificationsHost> StartAsync(
        ITestDatabaseServer server, DateTimeOffset? start = null, Action<IServiceCollection, FakeTimeProvider>? replace = null)
    {
        var clock = new FakeTimeProvider(start ?? Morning);
        var people = new FakePeople();
        var host = await ModuleTestHost.StartAsync(server, [new NotificationsModule()], replace: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IPeopleLookup>(people);
            replace?.Invoke(services, clock);
        });
        return new NotificationsHost(host, clock, people);
    }

    public T Get<T>() where T : notnull => Host.Get<T>();

    public Task NotifyAsync(PersonContact person, string key = "Notification:ChooseEmail", string? link = "/notifications/preferences", params string[] arguments) =>
        Get<INotifier>().NotifyAsync(person.Id, NotificationsModule.GeneralCategory, new NotificationText(key, arguments), link);

    public NotificationsDbContext Db() => Get<IDbContextFactory<NotificationsDbContext>>().CreateDbContext();

    public async Task<List<Notification>> NotificationsOfAsync(PersonContact person)
    {
        await using var db = Db();
        return await db.Notifications.AsNoTracking().Where(n => n.PersonId == person.Id).OrderBy(n => n.CreatedAtUtc).ToListAsync();
    }

    public async Task<List<OutgoingMail>> OutboxAsync()
    {
        await using var db = Db();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAtUtc).ToListAsync();
    }

    /// <summary>Saves a person's choice for the general category, as the preferences page would.</summary>
    public async Task ChooseAsync(PersonContact person, EmailDelivery email, string? timeZone = null, TimeOnly? quietFrom = null, TimeOnly? quietUntil = null)
    {
        await using var db = Db();
        var settings = NotificationSettings.Default(person.Id);
        settings.TimeZoneId = timeZone ?? settings.TimeZoneId;
        settings.QuietFrom = quietFrom ?? settings.QuietFrom;
        settings.QuietUntil = quietUntil ?? settings.QuietUntil;
        settings.Categories.Add(new CategoryChoice { PersonId = person.Id, Category = NotificationsModule.GeneralCategory, Email = email });
        db.Settings.Add(settings);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
