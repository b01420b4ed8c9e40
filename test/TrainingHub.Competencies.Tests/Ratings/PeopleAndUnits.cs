using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>People and position types as the Accounts module would give them, without the Accounts module behind them.</summary>
internal sealed class FakePeople : IPeopleLookup, IPositionTypes
{
    private readonly Dictionary<Guid, PersonContact> _people = [];

    public PositionTypeInfo SocialWorker { get; } = new(Guid.NewGuid(), "social-worker", "Соціальний працівник", "Social worker", WorksWithClients: true);

    public PositionTypeInfo Volunteer { get; } = new(Guid.NewGuid(), "volunteer", "Волонтер", "Volunteer", WorksWithClients: true);

    public PersonContact Add(string fullName, Guid homeUnitId, Guid? positionTypeId, Guid? id = null, bool active = true)
    {
        var person = new PersonContact(id ?? Guid.NewGuid(), fullName, $"{Guid.NewGuid():N}@traininghub.example", Cultures.Ukrainian, active, homeUnitId, positionTypeId);
        _people[person.Id] = person;
        return person;
    }

    /// <summary>Adds the person, or replaces what is known of them.</summary>
    public void Put(PersonContact person) => _people[person.Id] = person;

    public Task<PersonContact?> FindAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(personId));

    public Task<PersonContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.Values.FirstOrDefault(p => p.Email == email));

    public Task<IReadOnlyList<PersonContact>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonContact>>([.. personIds.Distinct().Where(_people.ContainsKey).Select(id => _people[id])]);

    public Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionTypeInfo>>([SocialWorker, Volunteer]);
}

/// <summary>Two oblasts, the first with one hromada, as the Organisations module would give them.</summary>
internal sealed class FakeUnits : IUnitHierarchy
{
    public Guid Volyn { get; } = Guid.NewGuid();

    public Guid Lutsk { get; } = Guid.NewGuid();

    public Guid Rivne { get; } = Guid.NewGuid();

    public Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Guid>>(
            unitId == Lutsk ? [Lutsk, Volyn] : unitId == Volyn || unitId == Rivne ? [unitId] : []);
}
