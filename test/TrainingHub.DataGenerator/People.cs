using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Domain;

namespace TrainingHub.DataGenerator;

/// <summary>
/// A generated person: who Accounts would hold, kept only in memory. The modules that report on people get their copies of
/// them (Workforce <c>Staff</c>, Competencies <c>Members</c>) with the same ids, as their own sync would leave them.
/// </summary>
internal sealed record Person(Guid Id, string FullName, OrganisationUnit Home, HromadaPlace Hromada, PositionTypeInfo Position, bool IsActive)
{
    public Guid? OrganisationId => Home.Type == TrainingHub.Organisations.Contracts.UnitType.Organisation ? Home.Id : null;

    public Guid HromadaId => Hromada.Unit.Id;
}

/// <summary>The built-in position types of Accounts, with fixed ids, in place of the Accounts module.</summary>
internal sealed class NationalPositions : IPositionTypes
{
    public static PositionTypeInfo Volunteer { get; } = new(new Guid("5a1f0001-0000-4000-8000-000000000010"), "volunteer", "Волонтер", "Volunteer", true);

    public static PositionTypeInfo SocialAssistant { get; } =
        new(new Guid("5a1f0001-0000-4000-8000-000000000020"), "social-assistant", "Соціальний помічник", "Social assistant", true);

    public static PositionTypeInfo CaseManager { get; } =
        new(new Guid("5a1f0001-0000-4000-8000-000000000030"), "case-manager", "Фахівець із супроводу (кейс-менеджер)", "Case manager", true);

    public static PositionTypeInfo SocialWorker { get; } =
        new(new Guid("5a1f0001-0000-4000-8000-000000000040"), "social-worker", "Соціальний працівник", "Social worker", true);

    public static PositionTypeInfo Supervisor { get; } = new(new Guid("5a1f0001-0000-4000-8000-000000000050"), "supervisor", "Супервізор", "Supervisor", false);

    public static PositionTypeInfo Coordinator { get; } = new(new Guid("5a1f0001-0000-4000-8000-000000000060"), "coordinator", "Координатор", "Coordinator", false);

    /// <summary>Each position with its share of the workforce.</summary>
    public static IReadOnlyList<(PositionTypeInfo Position, double Share)> Shares { get; } =
    [
        (Volunteer, 0.25), (SocialAssistant, 0.15), (CaseManager, 0.20), (SocialWorker, 0.28), (Supervisor, 0.06), (Coordinator, 0.06),
    ];

    public static IReadOnlyList<PositionTypeInfo> All { get; } = [.. Shares.Select(s => s.Position)];

    public Task<IReadOnlyList<PositionTypeInfo>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult(All);
}

internal static class People
{
    private static readonly string[] FirstNames = ["Олена", "Ірина", "Петро", "Андрій", "Оксана", "Марія", "Василь", "Наталія", "Роман", "Софія", "Тетяна", "Юрій"];
    private static readonly string[] LastNames = ["Коваль", "Мельник", "Бойко", "Шевчук", "Ткаченко", "Кравчук", "Бондаренко", "Лисенко", "Савчук", "Гнатюк", "Олійник", "Поліщук"];

    /// <summary>
    /// People spread over hromadas by population; one in twenty works for the hromada itself, the others for one of its
    /// organisations; one in thirty is no longer active.
    /// </summary>
    public static IReadOnlyList<Person> Generate(Random random, Country country, int count)
    {
        var hromadas = new WeightedPick(country.Hromadas.Select(h => (double)h.Unit.Population!.Value));
        var positions = new WeightedPick(NationalPositions.Shares.Select(s => s.Share));
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            var hromada = country.Hromadas[hromadas.Next(random)];
            var home = random.Next(20) == 0 ? hromada.Unit : hromada.Organisations[random.Next(hromada.Organisations.Count)];
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]} {i + 1}";
            people.Add(new Person(random.NextGuid(), name, home, hromada, NationalPositions.All[positions.Next(random)], random.Next(30) != 0));
        }
        return people;
    }
}
