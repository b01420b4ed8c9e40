using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Benchmarks;

/// <summary>
/// An oblast of 40 hromadas with 10 organisations each, held in memory in place of the Organisations module: the
/// benchmark measures what the gap view and the learning report ask of their own tables, and unit look-ups are a few hundred rows at most.
/// </summary>
internal sealed class SyntheticOblast : IOrganisationDirectory, IUnitHierarchy, IPositionTypes
{
    public const int Hromadas = 40;
    public const int OrganisationsPerHromada = 10;

    private readonly Dictionary<Guid, OrganisationUnitSummary> _units = [];
    private readonly List<OrganisationUnitSummary> _hromadas = [];
    private readonly List<OrganisationUnitSummary> _organisations = [];

    public SyntheticOblast()
    {
        Oblast = Add(null, UnitType.Oblast, "Синтетична область");
        for (var h = 0; h < Hromadas; h++)
        {
            var hromada = Add(Oblast.Id, UnitType.Hromada, $"Громада {h + 1:00}");
            _hromadas.Add(hromada);
            for (var o = 0; o < OrganisationsPerHromada; o++)
            {
                _organisations.Add(Add(hromada.Id, UnitType.Organisation, $"Організація {h + 1:00}-{o + 1:00}"));
            }
        }
    }

    public OrganisationUnitSummary Oblast { get; }

    public IReadOnlyList<OrganisationUnitSummary> Units => [.. _units.Values];

    public IReadOnlyList<PositionTypeInfo> Positions { get; } =
    [
        new(Guid.NewGuid(), "social-worker", "Соціальний працівник", "Social worker", WorksWithClients: true),
        new(Guid.NewGuid(), "case-manager", "Фахівець із супроводу", "Case manager", WorksWithClients: true),
        new(Guid.NewGuid(), "social-assistant", "Соціальний помічник", "Social assistant", WorksWithClients: true),
        new(Guid.NewGuid(), "volunteer", "Волонтер", "Volunteer", WorksWithClients: true),
    ];

    /// <summary>Where a generated person works: one in twenty for a hromada itself, the others for one of its organisations.</summary>
    public OrganisationUnitSummary RandomHome(Random random)
    {
        var candidates = random.Next(20) == 0 ? _hromadas : _organisations;
        return candidates[random.Next(candidates.Count)];
    }

    private OrganisationUnitSummary Add(Guid? parentId, UnitType type, string name)
    {
        var unit = new OrganisationUnitSummary(Guid.NewGuid(), name, null, type, parentId, null);
        _units[unit.Id] = unit;
        return unit;
    }

    public Task<OrganisationUnitSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_units.GetValueOrDefault(id));

    public Task<OrganisationUnitSummary?> FindByKatottgAsync(string katottgCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<OrganisationUnitSummary?>(null);

    public Task<IReadOnlyList<OrganisationUnitSummary>> GetUnitsInAsync(UnitScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationUnitSummary>>(_units.Values.Where(u => scope.Contains(Ancestry(u.Id))).ToList());

    public Task<IReadOnlyList<OrganisationUnitSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationUnitSummary>>(ids.Where(_units.ContainsKey).Select(id => _units[id]).ToList());

    public Task<OrganisationUnitSummary?> FindChildAsync(Guid parentId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_units.Values.FirstOrDefault(u => u.ParentId == parentId && u.Name == name));

    public Task<IReadOnlyList<Guid>> GetAncestryAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Guid>>(Ancestry(unitId));

    public Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(Positions);

    private List<Guid> Ancestry(Guid unitId)
    {
        var ancestry = new List<Guid>();
        for (var id = (Guid?)unitId; id is { } current && _units.TryGetValue(current, out var unit); id = unit.ParentId)
        {
            ancestry.Add(current);
        }
        return ancestry;
    }
}
