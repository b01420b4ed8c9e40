namespace TrainingHub.Accounts.Contracts;

public static class AccountPermissions
{
    /// <summary>See the people whose home unit is in one's scope.</summary>
    public const string PeopleView = "Accounts.People.View";

    /// <summary>Change people's profiles and roles, invite and deactivate people, in one's scope.</summary>
    public const string PeopleManage = "Accounts.People.Manage";

    /// <summary>Create roles and choose their permissions (held everywhere, by administrators).</summary>
    public const string RolesManage = "Accounts.Roles.Manage";

    /// <summary>Extend the list of position types (held everywhere, by administrators).</summary>
    public const string PositionsManage = "Accounts.Positions.Manage";
}
