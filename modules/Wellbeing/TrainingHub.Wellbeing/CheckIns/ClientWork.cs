using TrainingHub.Accounts.Contracts;

namespace TrainingHub.Wellbeing.CheckIns;

/// <summary>Who is asked the part about work with clients.</summary>
internal static class ClientWork
{
    /// <summary>
    /// Whether someone in this position (as it was when the round opened) worked with clients: yes unless the position
    /// type says otherwise, so someone without a position, or whose position no longer exists, is asked too, and may skip it.
    /// </summary>
    public static bool Asked(Guid? positionTypeId, IReadOnlyList<PositionTypeInfo> positions) =>
        positionTypeId is not { } id || positions.FirstOrDefault(t => t.Id == id)?.WorksWithClients != false;
}
