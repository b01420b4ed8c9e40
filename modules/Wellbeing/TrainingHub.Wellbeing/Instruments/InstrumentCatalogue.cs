using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Instruments;

/// <summary>An instrument as the list shows it.</summary>
internal sealed record InstrumentSummary(string Code, string Name, int Scales, int Items, bool UkrainianIsWorkingTranslation, bool IsBuiltIn);

/// <summary>
/// The instruments for administrators: what each asks and how it scores, and a try-out that scores a set of answers
/// without storing anything (the person answering a real check-in is never involved).
/// </summary>
internal sealed class InstrumentCatalogue(IDbContextFactory<WellbeingDbContext> dbFactory, IAccessControl access)
{
    public bool CanManage => access.HasPermission(WellbeingPermissions.InstrumentsManage);

    public async Task<Result<IReadOnlyList<InstrumentSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!CanManage)
        {
            return Error.Forbidden;
        }
        await using var db = dbFactory.CreateDbContext();
        return (await db.Instruments.AsNoTracking().ToListAsync(cancellationToken))
            .Select(i => (Stored: i, i.Definition))
            .Select(i => new InstrumentSummary(i.Stored.Code, i.Definition.Name.Current, i.Definition.Scales.Count, i.Definition.Items.Count(),
                i.Definition.IsWorkingTranslation("uk"), i.Stored.IsBuiltIn))
            .OrderBy(i => !i.IsBuiltIn).ThenBy(i => i.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Result<InstrumentDefinition>> GetAsync(string code, CancellationToken cancellationToken = default) =>
        !CanManage ? Error.Forbidden : await FindAsync(code, cancellationToken) is { } found ? found : Error.NotFound;

    /// <summary>Each scale's score for the answers (item code → option position), stored nowhere.</summary>
    public async Task<Result<IReadOnlyList<ScaleScore>>> TryAsync(string code, IReadOnlyDictionary<string, int> answers, CancellationToken cancellationToken = default)
    {
        var found = await GetAsync(code, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var instrument = found.Value;
        if (InstrumentScoring.Check(instrument, answers) is { Count: > 0 } problems)
        {
            return Error.Validation([.. problems.Select(p => new FieldError(p.Item, p.Key, p.Item))]);
        }
        return Result<IReadOnlyList<ScaleScore>>.Success(InstrumentScoring.Score(instrument, answers));
    }

    /// <summary>An instrument by code, for the module's own work (no permission: instruments are not personal data).</summary>
    public async Task<InstrumentDefinition?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken))?.Definition;
    }
}
