package dev.faultline.web;

import dev.faultline.account.AccountService;
import dev.faultline.organization.Organizations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final AccountService accounts;
    private final Organizations organizations;

    WebConfiguration(AccountService accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LayoutInterceptor(accounts, organizations)).excludePathPatterns("/api/**");
    }
}
