package app.haven.shared.store;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import io.r2dbc.spi.ConnectionFactory;

/**
 * Two ways into one relational database: R2DBC for the application, JDBC for Flyway and for
 * Spring Modulith's event publication registry.
 * <p>
 * Boot creates no {@link DataSource} when R2DBC is present, so it is declared here from the
 * standard {@code spring.datasource.*} properties. Both transaction managers are declared too,
 * because whichever auto-configuration ran first would otherwise suppress the other. The JDBC one
 * is primary: {@code @ApplicationModuleListener} opens {@code REQUIRES_NEW} transactions on the
 * primary manager and cannot name another. Business code names the R2DBC one through
 * {@link app.haven.shared.Transactions}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
class RelationalStoreConfiguration {

    /** {@code spring.datasource.hikari.*} still applies: it is bound after this method returns. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("haven-jdbc");
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    ReactiveTransactionManager reactiveTransactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }
}
