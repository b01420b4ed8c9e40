using TrainingHub.SharedKernel.Privacy;

// Entities as a wellbeing module would write them, so the data-class rule is seen to fail and to pass.
namespace TrainingHub.Wellbeing.Domain.Fixture;

public sealed class UndeclaredAnswer
{
    public Guid Id { get; set; }

    public int Score { get; set; }
}

public sealed class PartlyDeclaredNote
{
    public Guid Id { get; set; }

    [OrdinaryData]
    public Guid PersonId { get; set; }

    public string Notes { get; set; } = "";
}

[SensitiveData]
public sealed class DeclaredScore
{
    public Guid Id { get; set; }

    public int Score { get; set; }
}

[AnonymousData]
public sealed class DeclaredAnonymousAnswer
{
    public Guid Id { get; set; }

    public int Score { get; set; }
}
