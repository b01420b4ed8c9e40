using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Files;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// A certificate of the demo learner, written straight to the database as an approval would leave it: the stage after
/// the one she is placed at, issued by her home unit. Issued once per app; later calls answer the same one.
/// </summary>
internal static class DemoCertificates
{
    public static async Task<Certificate> LearnersAsync(TrainingHubApp app)
    {
        var learner = (await app.Services.GetRequiredService<IPeopleLookup>().FindByEmailAsync("learner@traininghub.example"))!;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        if (await db.Certificates.FirstOrDefaultAsync(c => c.PersonId == learner.Id) is { } issued)
        {
            return issued;
        }
        var placement = await db.Placements.SingleAsync(p => p.PersonId == learner.Id);
        var template = await db.Templates.Include(t => t.Stages).SingleAsync(t => t.Id == placement.TemplateId);
        var unit = (await app.Services.GetRequiredService<IOrganisationDirectory>().FindAsync(learner.HomeUnitId!.Value))!;
        var certificate = Certificate.Issue(
            placement, template, template.Stages.Single(s => s.Position == placement.Stage + 1), learner.FullName, learner.PreferredCulture, unit.Id,
            (unit.Name, unit.NameEn ?? unit.Name), placement.StageSince, DateTimeOffset.UtcNow);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }
}

/// <summary>A training a demo person took elsewhere, with its certificate, written straight to the database as their record would leave it.</summary>
internal static class DemoTrainings
{
    public static async Task<Guid> AddAsync(TrainingHubApp app, string email)
    {
        var person = (await app.Services.GetRequiredService<IPeopleLookup>().FindByEmailAsync(email))!;
        var content = "%PDF-1.7\n%%EOF\n"u8.ToArray();
        var file = DocumentFiles.Check(content, "сертифікат.pdf").Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var training = ExternalTraining.Record(
            person.Id, new TrainingInput { Title = "Семінар", Provider = "Громадська організація", CompletedOn = today, Hours = 4 }, file, today,
            DateTimeOffset.UtcNow).Value;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        db.Trainings.Add(training);
        db.TrainingFiles.Add(new ExternalTrainingFile { TrainingId = training.Id, Content = content });
        await db.SaveChangesAsync();
        return training.Id;
    }
}
