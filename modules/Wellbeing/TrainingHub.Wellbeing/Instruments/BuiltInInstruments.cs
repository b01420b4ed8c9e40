using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.Wellbeing.Data;

namespace TrainingHub.Wellbeing.Instruments;

/// <summary>Puts the instruments that come with the app (the Copenhagen Burnout Inventory) into the database, or brings them up to date.</summary>
internal sealed class BuiltInInstruments(IDbContextFactory<WellbeingDbContext> dbFactory, TimeProvider clock) : IModuleInitializer
{
    public const string Cbi = "cbi";

    public static IReadOnlyList<string> Codes { get; } = [Cbi];

    public static string Read(string code)
    {
        using var stream = typeof(BuiltInInstruments).Assembly.GetManifestResourceStream($"instruments.{code}.json")
            ?? throw new InvalidOperationException($"The built-in instrument {code} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        foreach (var code in Codes)
        {
            var json = Read(code);
            if (InstrumentDefinition.Parse(json).Problems() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"The built-in instrument {code} is not usable: {string.Join("; ", problems)}.");
            }
            var stored = await db.Instruments.FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
            if (stored is null)
            {
                db.Instruments.Add(new Instrument { Code = code, DefinitionJson = json, IsBuiltIn = true, AddedAt = clock.GetUtcNow() });
            }
            else if (stored.DefinitionJson != json)
            {
                stored.DefinitionJson = json;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
