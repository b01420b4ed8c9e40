using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Contracts.Pickers;
using TrainingHub.Learning.Services;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Learning.Tests;

/// <summary>People as the Accounts module would give them, with the roles that make some of them supervisors.</summary>
internal sealed class People : IPeopleSelection, IPositionTypes
{
    public static readonly PositionTypeInfo SocialWorker = new(Guid.NewGuid(), "social-worker", "Соціальний працівник", "Social worker", WorksWithClients: true);
    public static readonly PositionTypeInfo Volunteer = new(Guid.NewGuid(), "volunteer", "Волонтер", "Volunteer", WorksWithClients: true);

    private readonly List<SelectedPerson> _people = [];

    public List<PermissionHolder> Holders { get; } = [];

    public SelectedPerson Add(string name, Guid? homeUnitId, PositionTypeInfo? position = null, bool active = true, Guid? id = null)
    {
        var person = new SelectedPerson(id ?? Guid.NewGuid(), name, homeUnitId, (position ?? SocialWorker).Id, active);
        _people.Add(person);
        return person;
    }

    public Task<IReadOnlyList<SelectedPerson>> FindAsync(PeopleCriteria criteria, CancellationToken cancellationToken = default)
    {
        IEnumerable<SelectedPerson> found = _people;
        if (criteria.HomeUnitIds is { } units)
        {
            found = found.Where(p => p.HomeUnitId is { } unit && units.Contains(unit));
        }
        if (criteria.PositionTypeId is { } position)
        {
            found = found.Where(p => p.PositionTypeId == position);
        }
        if (criteria.PersonIds is { } ids)
        {
            found = found.Where(p => ids.Contains(p.Id));
        }
        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            found = found.Where(p => p.FullName.Contains(criteria.Search.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        if (criteria.ActiveOnly)
        {
            found = found.Where(p => p.IsActive);
        }
        var ordered = found.OrderBy(p => p.FullName, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<SelectedPerson>>((criteria.Limit is { } limit ? ordered.Take(limit) : ordered).ToList());
    }

    public Task<IReadOnlyList<PermissionHolder>> FindHoldersAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PermissionHolder>>(Holders.ToList());

    public Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionTypeInfo>>([SocialWorker, Volunteer]);
}

/// <summary>The person picker's search as the Accounts module answers it: active people in the permission's area, by name.</summary>
internal sealed class PersonSearchOverPeople(IPeopleSelection people, IAccessControl access, IOrganisationDirectory units) : IPersonSearch
{
    public async Task<IReadOnlyList<PersonOption>> SearchAsync(string permission, string? text, int limit, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(permission);
        if (scope.IsEmpty || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var homeUnits = scope.IsEverywhere ? null : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
        var found = await people.FindAsync(new PeopleCriteria(HomeUnitIds: homeUnits, Search: text, ActiveOnly: true, Limit: limit), cancellationToken);
        var names = (await units.FindManyAsync(found.Select(p => p.HomeUnitId).OfType<Guid>(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return found.Select(p => new PersonOption(p.Id, p.FullName, p.HomeUnitId is { } unit ? names.GetValueOrDefault(unit) : null)).ToList();
    }
}

/// <summary>Keeps the reminders the module plans and cancels, as the notifications module would.</summary>
internal sealed class RecordingReminders : IReminders
{
    public Dictionary<RemindedThing, ReminderPlan> Planned { get; } = [];

    public List<RemindedThing> Cancelled { get; } = [];

    public Task ScheduleAsync(ReminderPlan plan, CancellationToken cancellationToken = default)
    {
        lock (Planned)
        {
            Planned[plan.Thing] = plan;
        }
        return Task.CompletedTask;
    }

    public Task CancelAsync(RemindedThing thing, Guid? personId = null, CancellationToken cancellationToken = default)
    {
        lock (Planned)
        {
            Planned.Remove(thing);
            Cancelled.Add(thing);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The competencies module as the course editor meets it: one competency on the demo scale.</summary>
internal sealed class Competencies : ICompetencyOptions
{
    public static readonly CompetencyOption FirstAid = new(Guid.NewGuid(), "CP-INCL", "A.1", "Перша психологічна допомога", "Psychological first aid",
        [new(0, "Ще ні", "Not yet"), new(1, "Обізнаний", "Aware"), new(2, "Під наглядом", "With supervision"), new(3, "Самостійно", "Independent")]);

    public Task<IReadOnlyList<CompetencyOption>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CompetencyOption>>([FirstAid]);
}

/// <summary>Everything the Learning module needs from other modules, as fakes a test can look into, and a clock it can move.</summary>
internal sealed class LearningWorld
{
    public Units Units { get; } = new();

    public People People { get; } = new();

    public RecordingReminders Reminders { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public Competencies Competencies { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
}
