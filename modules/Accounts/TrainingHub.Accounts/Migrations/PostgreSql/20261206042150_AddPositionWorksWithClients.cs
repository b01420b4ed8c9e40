using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddPositionWorksWithClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WorksWithClients",
                schema: "accounts",
                table: "PositionTypes",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // Supervisors and coordinators work with the workforce rather than with children and families; any type
            // added before this setting existed keeps working with clients, which only offers questions they may skip.
            foreach (var code in new[] { "supervisor", "coordinator" })
            {
                migrationBuilder.UpdateData(
                    table: "PositionTypes",
                    schema: "accounts",
                    keyColumn: "Code",
                    keyValue: code,
                    column: "WorksWithClients",
                    value: false);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WorksWithClients",
                schema: "accounts",
                table: "PositionTypes");
        }
    }
}
