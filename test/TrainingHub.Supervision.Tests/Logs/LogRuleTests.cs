using TrainingHub.Supervision.Logs;

namespace TrainingHub.Supervision.Tests.Logs;

/// <summary>The warning a writer sees when a case note seems to hold something that identifies a family.</summary>
public sealed class LogRuleTests
{
    [Theory]
    [InlineData("Мамі можна дзвонити на +380 67 123 45 67 після обіду", "Phone")]
    [InlineData("телефон 067-123-45-67", "Phone")]
    [InlineData("Сім'я живе на вул. Шевченка, 12", "Address")]
    [InlineData("They moved to 14 Baker Street last month", "Address")]
    [InlineData("Дитина, д.н. 03.04.2016, ходить до садочка", "BirthDate")]
    [InlineData("born 12/11/2015", "BirthDate")]
    [InlineData("РНОКПП батька 3124509876", "TaxNumber")]
    public void A_note_that_seems_to_identify_a_family_is_flagged_with_what_it_holds(string text, string expected) =>
        Assert.Contains(Enum.Parse<IdentifyingDetail>(expected), LogRules.LooksIdentifying(text));

    [Theory]
    [InlineData("Мати двох дітей, одна дитина з інвалідністю; обговорили план на 3 місяці.")]
    [InlineData("Discussed a family of five after 2 home visits in week 12 of 2026.")]
    [InlineData("")]
    [InlineData(null)]
    public void An_anonymous_description_is_not_flagged(string? text) =>
        Assert.Empty(LogRules.LooksIdentifying(text));
}
