using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Competencies.DemoData;

/// <summary>With demo data on, the demo framework is there and published, read from the same CSV a coordinator could import.</summary>
internal sealed class CompetenciesDemoData(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IServiceScopeFactory scopes, IConfiguration configuration) : IModuleInitializer
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        var read = DemoFramework.Read();
        var code = CompetencyFramework.Normalize(read.Document!.Code);
        await using (var db = dbFactory.CreateDbContext())
        {
            if (await db.Frameworks.AnyAsync(f => f.NormalizedCode == code, cancellationToken))
            {
                return;
            }
        }
        using var scope = scopes.CreateScope();
        var written = await scope.ServiceProvider.GetRequiredService<FrameworkExchange>().WriteAsync(read.Document, publish: true, cancellationToken);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException($"The demo framework could not be written: {written.Error}");
        }
    }
}
