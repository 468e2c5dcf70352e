namespace RecruitOps.Operations;

/// <summary>
/// The limits of the contract plus the ones the stores impose. Every stored operation fits in one Table Storage
/// property set (64 KiB per property, 1 MiB per entity) and one Service Bus Standard message (256 KB), so no
/// accepted request can fail later for its size.
/// </summary>
public static class OperationLimits
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxKeyLength = 64;
    public const int MaxRecruitNameLength = 100;
    public const int MaxNoteLength = 2_000;
    public const int MaxChanges = 50;
    public const int MaxFieldLength = 64;

    /// <summary>A change value that is a string holds at most this many characters (an extension of the contract).</summary>
    public const int MaxChangeValueLength = 1_000;

    /// <summary>
    /// The stored changes are one string property; Table Storage holds at most 32 K UTF-16 characters in one.
    /// Kept below that so the whole operation also stays far under Service Bus's 256 KB message limit.
    /// </summary>
    public const int MaxChangesJsonLength = 30_000;
}
