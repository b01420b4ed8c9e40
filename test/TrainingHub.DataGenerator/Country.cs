using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Domain;

namespace TrainingHub.DataGenerator;

/// <summary>A hromada of the generated country, with its oblast, whether it is a town or villages, and its organisations.</summary>
internal sealed record HromadaPlace(OrganisationUnit Unit, OrganisationUnit Oblast, bool Urban, IReadOnlyList<OrganisationUnit> Organisations);

/// <summary>
/// The 24 oblasts of the government-controlled territory, their hromadas and organisations. Most hromadas are rural, of 3,000
/// to 15,000 residents; about two in five are towns and cities, most of them small and a few (each oblast's centre first)
/// of up to 700,000. Every hromada has a social service centre; the other organisations go to hromadas by population.
/// </summary>
internal sealed class Country
{
    private static readonly string[] OblastNames =
    [
        "Вінницька", "Волинська", "Дніпропетровська", "Донецька", "Житомирська", "Закарпатська", "Запорізька", "Івано-Франківська",
        "Київська", "Кіровоградська", "Луганська", "Львівська", "Миколаївська", "Одеська", "Полтавська", "Рівненська", "Сумська",
        "Тернопільська", "Харківська", "Херсонська", "Хмельницька", "Черкаська", "Чернівецька", "Чернігівська",
    ];

    private static readonly (OrganisationKind Kind, string Name)[] OtherOrganisations =
    [
        (OrganisationKind.ChildrenService, "Служба у справах дітей"),
        (OrganisationKind.Ngo, "ГО «Родина поруч»"),
        (OrganisationKind.Ngo, "БФ «Крок до дитини»"),
        (OrganisationKind.Shelter, "Притулок для дітей"),
        (OrganisationKind.Other, "Центр реабілітації дітей з інвалідністю"),
    ];

    private Country(IReadOnlyList<OrganisationUnit> oblasts, IReadOnlyList<HromadaPlace> hromadas) =>
        (Oblasts, Hromadas) = (oblasts, hromadas);

    public IReadOnlyList<OrganisationUnit> Oblasts { get; }

    public IReadOnlyList<HromadaPlace> Hromadas { get; }

    public IEnumerable<OrganisationUnit> Units =>
        Oblasts.Concat(Hromadas.Select(h => h.Unit)).Concat(Hromadas.SelectMany(h => h.Organisations));

    public int OrganisationCount => Hromadas.Sum(h => h.Organisations.Count);

    public static Country Generate(Random random, int hromadaCount, int organisationCount)
    {
        var oblasts = OblastNames.Select((name, i) => Unit(random, $"{name} область", UnitType.Oblast, null, $"UA{i + 1:D2}{0:D15}")).ToList();
        var shares = oblasts.Select(_ => 0.6 + random.NextDouble() * 0.8).ToList();
        var hromadas = new List<(OrganisationUnit Unit, OrganisationUnit Oblast, bool Urban)>();
        for (var o = 0; o < oblasts.Count; o++)
        {
            var count = (int)Math.Round(hromadaCount * shares[o] / shares.Sum());
            for (var h = 0; h < count; h++)
            {
                // The oblast's centre first: a large city.
                var urban = h == 0 || random.NextDouble() < 0.4;
                var population = h == 0 ? (int)(100_000 * Math.Pow(7, random.NextDouble()))
                    : urban ? (int)(8_000 * Math.Pow(30, Math.Pow(random.NextDouble(), 3)))
                    : random.Next(3_000, 15_001);
                var unit = Unit(random, $"{(urban ? "Міська" : "Сільська")} громада {o + 1:D2}-{h + 1:D3}", UnitType.Hromada, oblasts[o].Id,
                    $"UA{o + 1:D2}{h + 1:D15}");
                unit.Population = population;
                unit.ChildPopulation = (int)(population * (0.15 + random.NextDouble() * 0.06));
                hromadas.Add((unit, oblasts[o], urban));
            }
        }
        var organisations = hromadas.Select(h => new List<OrganisationUnit>
        {
            Organisation(random, h.Unit, OrganisationKind.SocialServiceCentre, "Центр надання соціальних послуг"),
        }).ToList();
        var byPopulation = new WeightedPick(hromadas.Select(h => (double)h.Unit.Population!.Value));
        for (var n = hromadas.Count; n < organisationCount; n++)
        {
            var h = byPopulation.Next(random);
            var (kind, name) = OtherOrganisations[random.Next(OtherOrganisations.Length)];
            organisations[h].Add(Organisation(random, hromadas[h].Unit, kind, $"{name} №{organisations[h].Count}"));
        }
        return new Country(oblasts, [.. hromadas.Select((h, i) => new HromadaPlace(h.Unit, h.Oblast, h.Urban, organisations[i]))]);
    }

    private static OrganisationUnit Organisation(Random random, OrganisationUnit hromada, OrganisationKind kind, string name)
    {
        var unit = Unit(random, name, UnitType.Organisation, hromada.Id, null);
        unit.Kind = kind;
        return unit;
    }

    private static OrganisationUnit Unit(Random random, string name, UnitType type, Guid? parentId, string? katottg) => new()
    {
        Id = random.NextGuid(), Name = name, NormalizedName = OrganisationUnit.Normalize(name), Type = type, ParentId = parentId,
        KatottgCode = katottg, Version = random.NextGuid(),
    };
}

/// <summary>Picks an index with a chance proportional to its weight.</summary>
internal sealed class WeightedPick
{
    private readonly double[] _cumulative;

    public WeightedPick(IEnumerable<double> weights)
    {
        var sum = 0.0;
        _cumulative = [.. weights.Select(w => sum += w)];
    }

    public int Next(Random random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
    }
}

internal static class RandomGuids
{
    /// <summary>A GUID from the seeded generator, so the same seed writes the same ids.</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
