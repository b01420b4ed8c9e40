using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class CountStaffFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Staff_HromadaId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_OblastId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_OrganisationId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.CreateIndex(
                name: "IX_Staff_HromadaId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "HromadaId", "UnitId", "PositionTypeId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "UnitId", "PositionTypeId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OblastId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OblastId", "UnitId", "PositionTypeId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OrganisationId", "UnitId", "PositionTypeId", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Staff_HromadaId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_OblastId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_OrganisationId_UnitId_PositionTypeId_IsActive",
                schema: "workforce",
                table: "Staff");

            migrationBuilder.CreateIndex(
                name: "IX_Staff_HromadaId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "HromadaId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OblastId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OblastId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OrganisationId", "IsActive", "PositionTypeId" });
        }
    }
}
