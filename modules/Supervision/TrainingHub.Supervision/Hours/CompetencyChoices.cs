using TrainingHub.Competencies.Contracts;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// The competencies of published frameworks an entry may name. Without the competencies module (supervision started
/// on its own) there are none, and entries name no competency.
/// </summary>
internal sealed class CompetencyChoices(ICompetencyDirectory? directory = null)
{
    public async Task<IReadOnlyList<CompetencyChoice>> ListAsync(CancellationToken cancellationToken = default) =>
        directory is null ? [] : (await directory.ListPublishedCompetenciesAsync(cancellationToken))
            .Select(c => new CompetencyChoice(c.LineageId, c.Code, c.Name, c.NameEn ?? c.Name))
            .DistinctBy(c => c.LineageId)
            .ToList();

    public async Task<IReadOnlyDictionary<Guid, CompetencyChoice>> ByLineageAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).ToDictionary(c => c.LineageId);
}
