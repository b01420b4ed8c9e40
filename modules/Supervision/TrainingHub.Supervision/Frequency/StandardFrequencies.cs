using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;

namespace TrainingHub.Supervision.Frequency;

/// <summary>
/// The policy a position type follows everywhere no unit sets its own (that position's, else everyone's, else the
/// built-in one), described as the frequency page describes it, in Ukrainian and in English.
/// </summary>
internal sealed class StandardFrequencies(IDbContextFactory<SupervisionDbContext> dbFactory, IStringLocalizer<SupervisionResource> texts)
    : ISupervisionFrequencyDirectory
{
    public async Task<SupervisionFrequencyText> StandardForAsync(Guid positionTypeId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var national = await db.FrequencySettings.AsNoTracking()
            .Where(s => s.UnitId == null && (s.PositionTypeId == positionTypeId || s.PositionTypeId == null))
            .ToListAsync(cancellationToken);
        var policy = (national.FirstOrDefault(s => s.PositionTypeId == positionTypeId) ?? national.FirstOrDefault(s => s.PositionTypeId == null))?.Policy
            ?? FrequencyPolicy.NewlyQualified;
        return new SupervisionFrequencyText(
            Cultures.In(Cultures.Ukrainian, () => FrequencyTexts.Describe(policy, texts)), Cultures.In(Cultures.English, () => FrequencyTexts.Describe(policy, texts)));
    }
}
