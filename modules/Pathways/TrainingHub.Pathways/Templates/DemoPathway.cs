using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Learning.Contracts;
using CourseCompleted = TrainingHub.Pathways.Requirements.CourseCompleted;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Pathways.Templates;

/// <summary>
/// With demo data, the pathway from volunteer to social worker: five stages whose requirements use the demo competency
/// framework (CP codes), the demo courses (first psychological aid, abuse and neglect, family-based care, where the
/// learning module has them), practice hours, supervision, mentoring, time and sign-offs. Added once, into an empty list.
/// </summary>
internal sealed class DemoPathway(
    IDbContextFactory<PathwaysDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILearningRecords? learning = null) : IModuleInitializer
{
    public const string Code = "volunteer-to-social-worker";

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Templates.AnyAsync(cancellationToken))
        {
            return;
        }
        var firstAid = await CourseAsync("Перша психологічна допомога", cancellationToken);
        var abuse = await CourseAsync("Насильство і нехтування", cancellationToken);
        var familyCare = await CourseAsync("Сімейні форми виховання", cancellationToken);
        var template = new PathwayTemplate
        {
            Code = Code, NameUk = "Від волонтера до соціального працівника", NameEn = "From volunteer to social worker", CreatedAt = clock.GetUtcNow(),
        };
        (string Uk, string En, string? Position, int? Valid, Requirement Requirements)[] stages =
        [
            ("Волонтер", "Volunteer", "volunteer", null, new AllOf([])),
            ("Навчений волонтер", "Trained volunteer", "volunteer", 24,
                new AllOf([new TimeInStage(1), new PracticeHours(20), new CompetencyAtLevel("CP.1.1", 1), new SignOff(BuiltInRoles.Supervisor), .. firstAid])),
            ("Соціальний помічник", "Social assistant", "social-assistant", 36,
                new AllOf([new TimeInStage(6), new PracticeHours(120), new SupervisionSessions(6),
                    new AnyOf([new CompetencyAtLevel("CP.2.1", 2), new MentoringCompleted()]), new SignOff(BuiltInRoles.Coordinator), .. abuse])),
            ("Кейс-менеджер", "Case manager", "case-manager", 36,
                new AllOf([new TimeInStage(12), new PracticeHours(200), new SupervisionSessions(10), new CompetencyAtLevel("CP.1.1", 3),
                    new CompetencyAtLevel("CP.3.1", 2), new SignOff(BuiltInRoles.Coordinator), .. familyCare])),
            ("Соціальний працівник", "Social worker", "social-worker", null,
                new AllOf([new TimeInStage(12), new SupervisionSessions(12), new MentoringCompleted(), new SignOff(BuiltInRoles.Coordinator)])),
        ];
        template.Stages.AddRange(stages.Select((s, i) => new PathwayStage
        {
            Position = i + 1, NameUk = s.Uk, NameEn = s.En, PositionTypeCode = s.Position, CertificateValidMonths = s.Valid,
            RequirementsJson = PathwayStage.Write(s.Requirements),
        }));
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The published demo course whose title starts so, as a requirement; none when learning does not have it.</summary>
    private async Task<Requirement[]> CourseAsync(string title, CancellationToken cancellationToken) =>
        learning is not null && (await learning.SearchCoursesAsync(title, 1, cancellationToken)) is [var course, ..] ? [new CourseCompleted(course.Id)] : [];
}
