using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Contracts.Pickers;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Accounts.Services;

/// <summary>The people the shared person picker offers: only those in the area where the user holds the form's permission.</summary>
internal sealed class PersonSearch(IPeopleSelection people, IAccessControl access, IOrganisationDirectory units) : IPersonSearch
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
        var unitNames = (await units.FindManyAsync(found.Select(p => p.HomeUnitId).OfType<Guid>().Distinct(), cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
        return found.Select(p => new PersonOption(p.Id, p.FullName, p.HomeUnitId is { } unitId ? unitNames.GetValueOrDefault(unitId) : null)).ToList();
    }
}
