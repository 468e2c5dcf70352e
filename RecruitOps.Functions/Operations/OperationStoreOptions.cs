using System.ComponentModel.DataAnnotations;

namespace RecruitOps.Operations;

/// <summary>Where operations are stored. The storage account itself is the <c>OperationsStorage</c> connection.</summary>
public sealed class OperationStoreOptions
{
    public const string SectionName = "Operations";

    /// <summary>Table name: 3 to 63 letters and digits, starting with a letter (Table Storage's rule).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Operations:TableName must be 3 to 63 letters or digits and start with a letter.")]
    public string TableName { get; set; } = "operations";
}
