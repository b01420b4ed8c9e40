namespace TrainingHub.Organisations.Contracts;

/// <summary>The three levels of the tree: oblast → hromada → organisation.</summary>
public enum UnitType
{
    Oblast = 1,
    Hromada = 2,
    Organisation = 3,
}

/// <summary>What kind of body an organisation is.</summary>
public enum OrganisationKind
{
    SocialServiceCentre = 1,
    ChildrenService = 2,
    Ngo = 3,
    Shelter = 4,
    Other = 9,
}
