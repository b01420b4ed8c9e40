using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Frequency;

/// <summary>
/// Which frequency policy applies to whom: going up from the person's home unit, the first unit with a policy for their
/// position type or for everyone there; then the policy for their position type everywhere, then the one for everyone
/// everywhere, and without any of these the built-in <see cref="FrequencyPolicy.NewlyQualified"/>.
/// </summary>
internal sealed class FrequencyPolicies(IOrganisationDirectory units)
{
    public async Task<IReadOnlyDictionary<Guid, FrequencyPolicy>> ForAsync(
        SupervisionDbContext db, IEnumerable<SelectedPerson> people, CancellationToken cancellationToken)
    {
        var settings = await db.FrequencySettings.AsNoTracking().ToListAsync(cancellationToken);
        var byPlace = settings.ToDictionary(s => (s.UnitId, s.PositionTypeId), s => s.Policy);
        var policyUnits = settings.Where(s => s.UnitId is not null).Select(s => s.UnitId!.Value).ToHashSet();
        // Only the units under a unit with a policy can inherit one: one look at those subtrees (nested ones overlap), however many people.
        var parents = policyUnits.Count == 0 ? [] : (await units.GetUnitsInAsync(UnitScope.Under(policyUnits), cancellationToken))
            .DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.ParentId);
        FrequencyPolicy For(SelectedPerson person)
        {
            for (Guid? unit = person.HomeUnitId; unit is { } id && parents.ContainsKey(id); unit = parents[id])
            {
                if ((byPlace.GetValueOrDefault((id, person.PositionTypeId)) ?? byPlace.GetValueOrDefault((id, null))) is { } atUnit)
                {
                    return atUnit;
                }
            }
            return byPlace.GetValueOrDefault((null, person.PositionTypeId)) ?? byPlace.GetValueOrDefault((null, null)) ?? FrequencyPolicy.NewlyQualified;
        }
        return people.DistinctBy(p => p.Id).ToDictionary(p => p.Id, For);
    }
}
