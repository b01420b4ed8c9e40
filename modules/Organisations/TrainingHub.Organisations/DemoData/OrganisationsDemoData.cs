using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Domain;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Organisations.DemoData;

/// <summary>Two oblasts with hromadas and organisations, loaded into an empty database when demo data is enabled.</summary>
internal sealed class OrganisationsDemoData(IDbContextFactory<OrganisationsDbContext> dbFactory, IConfiguration configuration) : IModuleInitializer
{
    public const string ZhytomyrOblastCode = "UA18000000000045390";
    public const string ZhytomyrHromadaCode = "UA18040470000082484";
    public const string LvivHromadaCode = "UA46060250000032558";

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Units.AnyAsync(cancellationToken))
        {
            return;
        }
        var zhytomyr = Territory(db, null, UnitType.Oblast, "Житомирська область", "Zhytomyr Oblast", ZhytomyrOblastCode, 1_179_032, 221_400);
        var zhytomyrCity = Territory(db, zhytomyr, UnitType.Hromada, "Житомирська міська громада", "Zhytomyr City Hromada", ZhytomyrHromadaCode, 263_507, 47_900);
        Organisation(db, zhytomyrCity, OrganisationKind.SocialServiceCentre, "Центр соціальних служб Житомирської міської ради", "Zhytomyr City Social Services Centre");
        Organisation(db, zhytomyrCity, OrganisationKind.Ngo, "ГО «Родина для кожної дитини»", "NGO A Family for Every Child");
        var korosten = Territory(db, zhytomyr, UnitType.Hromada, "Коростенська міська громада", "Korosten City Hromada", "UA18060170000025398", 72_950, 13_200);
        Organisation(db, korosten, OrganisationKind.SocialServiceCentre, "Центр надання соціальних послуг Коростенської громади", "Korosten Social Services Centre");
        var berdychiv = Territory(db, zhytomyr, UnitType.Hromada, "Бердичівська міська громада", "Berdychiv City Hromada", "UA18020030000014563", 79_820, 14_100);
        Organisation(db, berdychiv, OrganisationKind.ChildrenService, "Служба у справах дітей Бердичівської міської ради", "Berdychiv Children's Service");
        Territory(db, zhytomyr, UnitType.Hromada, "Овруцька міська громада", "Ovruch City Hromada", "UA18060230000069215", 37_640, 7_450);

        var lviv = Territory(db, null, UnitType.Oblast, "Львівська область", "Lviv Oblast", "UA46000000000026241", 2_478_133, 468_900);
        var lvivCity = Territory(db, lviv, UnitType.Hromada, "Львівська міська громада", "Lviv City Hromada", LvivHromadaCode, 755_050, 131_200);
        Organisation(db, lvivCity, OrganisationKind.SocialServiceCentre, "Центр соціальних служб м. Львова", "Lviv Social Services Centre");
        Organisation(db, lvivCity, OrganisationKind.Shelter, "Притулок для дітей «Надія»", "Nadiia Children's Shelter");
        Territory(db, lviv, UnitType.Hromada, "Дрогобицька міська громада", "Drohobych City Hromada", "UA46040110000012843", 97_010, 17_800);
        var sambir = Territory(db, lviv, UnitType.Hromada, "Самбірська міська громада", "Sambir City Hromada", "UA46080130000051632", 45_320, 8_540);
        Organisation(db, sambir, OrganisationKind.Ngo, "ГО «Крок назустріч»", "NGO Step Towards");

        await db.SaveChangesAsync(cancellationToken);
    }

    private static OrganisationUnit Territory(
        OrganisationsDbContext db, OrganisationUnit? parent, UnitType type, string name, string nameEn, string code, int population, int children) =>
        Add(db, new OrganisationUnit
        {
            Name = name, NameEn = nameEn, Type = type, ParentId = parent?.Id, KatottgCode = code,
            Population = population, ChildPopulation = children,
        });

    private static void Organisation(OrganisationsDbContext db, OrganisationUnit parent, OrganisationKind kind, string name, string nameEn) =>
        Add(db, new OrganisationUnit { Name = name, NameEn = nameEn, Type = UnitType.Organisation, Kind = kind, ParentId = parent.Id });

    private static OrganisationUnit Add(OrganisationsDbContext db, OrganisationUnit unit)
    {
        unit.NormalizedName = OrganisationUnit.Normalize(unit.Name);
        db.Units.Add(unit);
        return unit;
    }
}
