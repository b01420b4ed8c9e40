using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Pathways.Qualifications;

/// <summary>
/// With demo data, the qualification characteristics of the positions on the demo pathway, in the spirit of the
/// national handbook of qualification characteristics for social work. Added once, for positions not yet described. A
/// social assistant is asked for part of the hours in recognising abuse and neglect, where the demo framework is published.
/// </summary>
internal sealed class DemoQualifications(
    IDbContextFactory<PathwaysDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, IPositionTypes? positions = null,
    ICompetencyDirectory? competencies = null) : IModuleInitializer
{
    /// <summary>The demo framework's competency "Signs of abuse and neglect", as an area of professional development.</summary>
    private const string AbuseFramework = "CP-INCL", AbuseCode = "CP.4.1";

    private static (string Code, QualificationInput Input)[] Profiles(Guid? abuseArea) =>
    [
        ("volunteer", new QualificationInput
        {
            DutiesUk = "Допомагає родинам із дітьми в побуті, дозвіллі та супроводі під керівництвом фахівця; дотримується конфіденційності та правил безпеки дитини.",
            DutiesEn = "Helps families with children with daily tasks, leisure and accompaniment under a professional's guidance; keeps confidentiality and the child's safety rules.",
            EducationUk = "Без вимог до освіти; вступний курс волонтера.",
            EducationEn = "No formal education required; the volunteer induction course.",
            ExperienceUk = "Без вимог до стажу.",
            ExperienceEn = "No experience required.",
            CpdHoursPerYear = 10,
        }),
        ("social-assistant", new QualificationInput
        {
            DutiesUk = "Надає соціальні послуги родинам за планом кейс-менеджера: догляд, супровід, підтримка навичок самостійного життя; веде записи про виконану роботу.",
            DutiesEn = "Provides social services to families under the case manager's plan: care, accompaniment, support of independent living skills; keeps records of the work done.",
            EducationUk = "Професійна (професійно-технічна) або фахова передвища освіта; навчання за програмою соціального помічника.",
            EducationEn = "Vocational or professional pre-higher education; the social assistant training programme.",
            ExperienceUk = "Щонайменше 6 місяців волонтерської або практичної роботи з родинами.",
            ExperienceEn = "At least 6 months of volunteer or practical work with families.",
            CpdHoursPerYear = 20,
            Areas = abuseArea is { } area ? [new AreaRequirementInput { AreaId = area, Hours = 6 }] : [],
        }),
        ("case-manager", new QualificationInput
        {
            DutiesUk = "Оцінює потреби дитини й родини, складає та переглядає індивідуальний план, координує послуги й фахівців, веде випадок до закриття.",
            DutiesEn = "Assesses the needs of the child and family, draws up and reviews the individual plan, coordinates services and professionals, and carries the case to its close.",
            EducationUk = "Вища освіта (бакалавр) у галузі соціальної роботи або суміжній.",
            EducationEn = "Higher education (bachelor) in social work or a related field.",
            ExperienceUk = "Щонайменше 1 рік роботи із сім'ями та дітьми.",
            ExperienceEn = "At least 1 year of work with families and children.",
            CpdHoursPerYear = 40,
        }),
        ("social-worker", new QualificationInput
        {
            DutiesUk = "Виявляє сім'ї у складних життєвих обставинах, проводить оцінювання, надає й організовує соціальні послуги, представляє інтереси дитини, бере участь у супервізії.",
            DutiesEn = "Identifies families in difficult circumstances, carries out assessments, provides and arranges social services, represents the child's interests and takes part in supervision.",
            EducationUk = "Вища освіта (бакалавр або магістр) у галузі соціальної роботи.",
            EducationEn = "Higher education (bachelor or master) in social work.",
            ExperienceUk = "Без вимог до стажу для бакалавра з пройденим шляхом; інакше щонайменше 1 рік.",
            ExperienceEn = "None for a bachelor who completed the pathway; otherwise at least 1 year.",
            CpdHoursPerYear = 40,
        }),
    ];

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled") || positions is null)
        {
            return;
        }
        var byCode = (await positions.ListAsync(cancellationToken)).ToDictionary(p => p.Code, p => p.Id);
        await using var db = dbFactory.CreateDbContext();
        var described = (await db.Qualifications.Select(q => q.PositionTypeId).ToListAsync(cancellationToken)).ToHashSet();
        var abuse = competencies is null
            ? null
            : (await competencies.ListPublishedCompetenciesAsync(cancellationToken)).FirstOrDefault(c => c.FrameworkCode == AbuseFramework && c.Code == AbuseCode);
        IReadOnlySet<Guid> areas = abuse is null ? new HashSet<Guid>() : new HashSet<Guid> { abuse.LineageId };
        foreach (var (code, input) in Profiles(abuse?.LineageId))
        {
            if (byCode.TryGetValue(code, out var positionTypeId) && !described.Contains(positionTypeId))
            {
                var profile = new QualificationProfile { PositionTypeId = positionTypeId };
                profile.Write(input, areas, Guid.Empty, clock.GetUtcNow());
                db.Qualifications.Add(profile);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
