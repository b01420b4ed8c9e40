using Microsoft.EntityFrameworkCore;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Contracts.Pickers;
using TrainingHub.Organisations.Data;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Organisations.Services;

/// <summary>
/// The units the shared unit picker offers, each with its path. Like the directory it reads the whole tree (a few thousand
/// rows nationally) and works in memory, so the path of a unit and the scope rule are one walk each.
/// </summary>
internal sealed class UnitSearch(IOrganisationDirectory directory, IAccessControl access) : IUnitSearch
{
    private const string Separator = " › ";

    public async Task<IReadOnlyList<UnitOption>> SearchAsync(string permission, string? text, int limit, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(permission);
        if (scope.IsEmpty)
        {
            return [];
        }
        var all = await directory.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken);
        var inScope = scope.IsEverywhere ? all : Subtree.Under(all, u => u.Id, u => u.ParentId, scope.Roots);
        var term = UnitNameSearch.Normalize(text ?? "");
        var byId = all.ToDictionary(u => u.Id);
        return inScope.Select(u => (Unit: u, Option: Option(u, byId)))
            .Where(x => term.Length == 0 || Matches(x.Unit, x.Option, term))
            .Select(x => x.Option)
            .OrderBy(o => o.Path, StringComparer.CurrentCulture).ThenBy(o => o.Name, StringComparer.CurrentCulture)
            .Take(limit)
            .ToList();
    }

    public async Task<IReadOnlyList<UnitOption>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var byId = (await directory.GetUnitsInAsync(UnitScope.Everywhere, cancellationToken)).ToDictionary(u => u.Id);
        return ids.Where(byId.ContainsKey).Select(id => Option(byId[id], byId)).ToList();
    }

    private static bool Matches(OrganisationUnitSummary unit, UnitOption option, string term) =>
        unit.Name.ToUpperInvariant().Contains(term, StringComparison.Ordinal)
        || (unit.NameEn?.ToUpperInvariant().Contains(term, StringComparison.Ordinal) ?? false)
        || (unit.KatottgCode?.Contains(term, StringComparison.Ordinal) ?? false)
        || option.Path.ToUpperInvariant().Contains(term, StringComparison.Ordinal);

    private static UnitOption Option(OrganisationUnitSummary unit, Dictionary<Guid, OrganisationUnitSummary> byId)
    {
        var above = new List<string>();
        // The tree is at most three levels deep; the bound only guards against a damaged parent chain.
        for (var parentId = unit.ParentId; parentId is { } id && byId.TryGetValue(id, out var parent) && above.Count < 16; parentId = parent.ParentId)
        {
            above.Add(parent.DisplayName);
        }
        above.Reverse();
        return new UnitOption(unit.Id, unit.DisplayName, string.Join(Separator, above));
    }
}
